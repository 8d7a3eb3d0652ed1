package syskit.ch18;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.pthread_mutex_t;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * Exercise ch18/echo_threadserv (chapter 18, question 7): a threaded echo server whose threads all
 * use ONE global buffer, buf, guarded by the mutex mutx. main is done; write handle_clnt.
 * The task: exercises/ch18/echo_threadserv/README.md. Check it: make check EX=ch18/echo_threadserv
 * Usage: echo_threadserv &lt;port&gt;
 */
public final class EchoThreadserv {
    static final int BUF_SIZE = 100;

    static final MemorySegment buf = Arena.global().allocate(BUF_SIZE);   // char buf[BUF_SIZE], shared
    static MemorySegment mutx;

    public static int main(String[] argv) {
        Arena arena = Arena.ofConfined();
        int serv_sock, clnt_sock;
        MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
        int[] clnt_adr_sz = new int[1];
        long[] t_id = new long[1];

        if (argv.length != 2) {
            System.out.println("Usage : " + argv[0] + " <port>");
            exit(1);
        }
        getPort(argv[1]);

        mutx = pthread_mutex_t.allocate(Arena.global());
        pthread_mutex_init(mutx, MemorySegment.NULL);
        serv_sock = socket(PF_INET, SOCK_STREAM, 0);
        memset0(serv_adr);
        sockaddr_in.sin_family(serv_adr, (short) AF_INET);
        in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
        sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

        if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
            error_handling("bind() error");
        if (listen(serv_sock, SOMAXCONN) == -1)
            error_handling("listen() error");

        while (true) {
            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);
            if (clnt_sock == -1)
                continue;
            // the descriptor travels in the pointer itself: no other thread can change it
            pthread_create(t_id, MemorySegment.NULL, EchoThreadserv::handle_clnt, MemorySegment.ofAddress(clnt_sock));
            pthread_detach(t_id[0]);
            System.out.println("Connected client IP: " + inet_ntoa(sockaddr_in.sin_addr(clnt_adr)) + " ");
        }
    }

    static MemorySegment handle_clnt(MemorySegment arg) {
        int clnt_sock = (int) arg.address();
        int str_len;
        // TODO 1: loop: wait until the client has sent something, WITHOUT holding mutx
        //         (hint: recv(clnt_sock, peek, 1, MSG_PEEK) waits and leaves the byte unread;
        //         0 or -1 means the client is gone: leave the loop)
        // TODO 2: lock mutx, read what is there into the global buf, write it back to
        //         clnt_sock from buf, unlock mutx
        // TODO 3: after the loop, close the client's socket (below) and return
        close(clnt_sock);
        return MemorySegment.NULL;
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
