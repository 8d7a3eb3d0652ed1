package syskit.ch04;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch04/echo_server: an iterative echo server. It serves five clients, one after the other:
 * each is echoed until it closes, and only then is the next one accepted. Then it ends.
 * Usage: echo_server &lt;port&gt;   (client: ch04/echo_client)
 */
public final class EchoServer {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len, i;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);   // not in the book: atoi("abc") would be port 0

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            if (serv_sock == -1)
                error_handling("socket() error");

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");

            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            for (i = 0; i < 5; i++) {
                clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);
                if (clnt_sock == -1)
                    error_handling("accept() error");
                else
                    System.out.println("Connected client " + (i + 1) + " ");

                // > 0 where the book has != 0: on a failed read (-1) C would pass -1 to write as a count.
                while ((str_len = read(clnt_sock, message, BUF_SIZE)) > 0)
                    write(clnt_sock, message, str_len);

                close(clnt_sock);
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
