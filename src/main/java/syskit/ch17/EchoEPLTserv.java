package syskit.ch17;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Epoll.*;
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
 * ch17/echo_EPLTserv: echo_epollserv with a 4-byte buffer and a line per wake-up. Level-triggered:
 * epoll_wait reports a socket for as long as its input buffer holds bytes, so a 20-byte message
 * takes five reads and five lines of {@code return epoll_wait}.
 * Usage: ch17/echo_EPLTserv &lt;port&gt;
 */
public final class EchoEPLTserv {
    static final int BUF_SIZE = 4;
    static final int EPOLL_SIZE = 50;

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

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);
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
            ep_events = epoll_event.allocateArray(EPOLL_SIZE, arena);   // C's malloc(sizeof(struct epoll_event) * EPOLL_SIZE)
            set(event, EPOLLIN, serv_sock);   // event.events = EPOLLIN; event.data.fd = serv_sock;
            epoll_ctl(epfd, EPOLL_CTL_ADD, serv_sock, event);

            while (true) {
                event_cnt = epoll_wait(epfd, ep_events, EPOLL_SIZE, -1);
                if (event_cnt == -1) {
                    System.out.println("epoll_wait() error");
                    break;
                }
                System.out.println("return epoll_wait");
                for (i = 0; i < event_cnt; i++) {
                    if (data_fd(at(ep_events, i)) == serv_sock) {
                        adr_sz[0] = (int) sizeof(clnt_adr);
                        clnt_sock = accept(serv_sock, clnt_adr, adr_sz);
                        set(event, EPOLLIN, clnt_sock);
                        epoll_ctl(epfd, EPOLL_CTL_ADD, clnt_sock, event);
                        System.out.printf("connected client : %d \n", clnt_sock);
                    } else {
                        str_len = read(data_fd(at(ep_events, i)), buf, BUF_SIZE);
                        if (str_len == 0) {
                            epoll_ctl(epfd, EPOLL_CTL_DEL, data_fd(at(ep_events, i)), MemorySegment.NULL);
                            close(data_fd(at(ep_events, i)));
                            System.out.printf("closed client : %d \n", data_fd(at(ep_events, i)));
                        } else {
                            write(data_fd(at(ep_events, i)), buf, str_len);
                        }
                    }
                }
            }
            close(serv_sock);
            close(epfd);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book prints the message alone; the kit adds errno's reason
        exit(1);
    }
}
