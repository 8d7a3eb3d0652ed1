package syskit.ch12;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Select.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.fd_set;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.posix.timeval;
import syskit.os.Errno;

/**
 * ch12/echo_selectserv: one process serves every client. select() watches the listening socket
 * and every client socket for reading; a ready listening socket means a connection to accept,
 * a ready client socket an echo to do, or its end (read returns 0).
 * Usage: echo_selectserv &lt;port&gt;   (clients: any echo client, e.g. nc 127.0.0.1 &lt;port&gt;)
 */
public final class EchoSelectserv {
    static final int BUF_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            MemorySegment timeout = timeval.allocate(arena);
            MemorySegment reads = fd_set.allocate(arena), cpy_reads = fd_set.allocate(arena);

            int[] adr_sz = new int[1];
            int fd_max, str_len, fd_num, i;
            MemorySegment buf = arena.allocate(BUF_SIZE);
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

            FD_ZERO(reads);
            FD_SET(serv_sock, reads);
            fd_max = serv_sock;

            while (true) {
                cpy_reads.copyFrom(reads);
                timeval.tv_sec(timeout, 5);
                timeval.tv_usec(timeout, 5000);

                if ((fd_num = select(fd_max + 1, cpy_reads, MemorySegment.NULL, MemorySegment.NULL, timeout)) == -1)
                    break;
                if (fd_num == 0)
                    continue;

                for (i = 0; i < fd_max + 1; i++) {
                    if (FD_ISSET(i, cpy_reads) != 0) {
                        if (i == serv_sock) {
                            adr_sz[0] = (int) sizeof(clnt_adr);
                            clnt_sock = accept(serv_sock, clnt_adr, adr_sz);

                            FD_SET(clnt_sock, reads);
                            if (fd_max < clnt_sock)
                                fd_max = clnt_sock;
                            System.out.println("Connected client: " + clnt_sock + " ");
                        } else {
                            str_len = read(i, buf, BUF_SIZE);
                            if (str_len == 0) {
                                FD_CLR(i, reads);
                                close(i);
                                System.out.println("closed client: " + i + " ");
                            } else {
                                write(i, buf, str_len);
                            }
                        }
                    }
                }
            }
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
