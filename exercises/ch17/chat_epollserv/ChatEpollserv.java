package syskit.ch17;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Epoll.*;
import static syskit.os.Errno.EAGAIN;
import static syskit.os.Fcntl.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.epoll_event;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch17/chat_epollserv, the exercise of chapter 17 (quiz 7): a chat server in one process, on
 * epoll. What one client sends goes to every other client connected at that moment. The second
 * argument picks the triggering: {@code lt} (level-triggered, blocking sockets, one read per
 * wake-up) or {@code et} (edge-triggered, non-blocking sockets, reads until EAGAIN).
 * Usage: chat_epollserv &lt;port&gt; &lt;lt|et&gt;   (the task: exercises/ch17/chat_epollserv/README.md)
 *
 * The starter: it accepts clients, but relays nothing yet. Fill in the four TODOs.
 */
public final class ChatEpollserv {
    static final int BUF_SIZE = 100;
    static final int MAX_CLNT = 256;
    static final int EPOLL_SIZE = 50;

    static int clnt_cnt = 0;
    static final int[] clnt_socks = new int[MAX_CLNT];

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] adr_sz = new int[1];
            int str_len, i;
            MemorySegment buf = arena.allocate(BUF_SIZE);

            MemorySegment ep_events;
            MemorySegment event = epoll_event.allocate(arena);
            int epfd, event_cnt;
            boolean et;

            if (argv.length != 3 || !(argv[2].equals("lt") || argv[2].equals("et"))) {
                System.out.println("Usage : " + argv[0] + " <port> <lt|et>");
                exit(1);
            }
            getPort(argv[1]);
            et = argv[2].equals("et");

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));
            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");

            epfd = epoll_create(EPOLL_SIZE);
            ep_events = epoll_event.allocateArray(EPOLL_SIZE, arena);
            set(event, EPOLLIN, serv_sock);
            epoll_ctl(epfd, EPOLL_CTL_ADD, serv_sock, event);

            while (true) {
                event_cnt = epoll_wait(epfd, ep_events, EPOLL_SIZE, -1);
                if (event_cnt == -1) {
                    System.out.println("epoll_wait() error");
                    break;
                }
                for (i = 0; i < event_cnt; i++) {
                    int fd = data_fd(at(ep_events, i));
                    if (fd == serv_sock) {
                        adr_sz[0] = (int) sizeof(clnt_adr);
                        clnt_sock = accept(serv_sock, clnt_adr, adr_sz);
                        if (clnt_sock == -1)
                            continue;
                        // TODO 1: in et mode make clnt_sock non-blocking (setnonblockingmode); register it with
                        //         epoll (EPOLLIN, plus EPOLLET in et mode: set(event, ..., clnt_sock) and
                        //         epoll_ctl(epfd, EPOLL_CTL_ADD, ...)); add it to clnt_socks.
                        System.out.printf("connected client : %d \n", clnt_sock);
                    } else if (!et) {
                        // Level-triggered: one read per wake-up; epoll reports the socket again while bytes remain.
                        str_len = read(fd, buf, BUF_SIZE);
                        if (str_len <= 0)
                            remove_client(epfd, fd);
                        else
                            send_msg(fd, buf, str_len);
                    } else {
                        // Edge-triggered: this arrival is reported once.
                        // TODO 4: read from fd and pass on what arrives, as the level-triggered branch does,
                        //         but until read() returns -1 with Errno.errno() == EAGAIN (the socket is empty).
                        //         read() returning 0 (or failing otherwise) means the client left.
                    }
                }
            }
            close(serv_sock);
            close(epfd);
            return 0;
        }
    }

    /** Out of epoll, out of the list (the last entry takes its place), closed. */
    static void remove_client(int epfd, int fd) {
        // TODO 3: take fd out of epoll (EPOLL_CTL_DEL), out of clnt_socks (without losing another
        //         client), and close it.
        System.out.printf("closed client : %d \n", fd);
    }

    /** Sends the bytes to every client but the one they came from. */
    static void send_msg(int from, MemorySegment msg, int len) {
        // TODO 2: write the len bytes of msg to every client in clnt_socks except from.
    }

    static void setnonblockingmode(int fd) {
        int flag = fcntl(fd, F_GETFL);
        fcntl(fd, F_SETFL, flag | O_NONBLOCK);
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
