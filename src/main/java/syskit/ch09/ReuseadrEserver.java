package syskit.ch09;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch09/reuseadr_eserver: a one-client echo server that also copies what it echoes to its
 * stdout, with SO_REUSEADDR left off as in the book. Kill it while a client is connected and
 * start it again at once: {@code bind() error}, because the killed server's side of the
 * connection waits in TIME_WAIT and still holds the port. ch09/reuseadr_eserver_fixed sets the
 * option and restarts at once.
 * Usage: reuseadr_eserver &lt;port&gt;
 * C reference: chapters/ch09/c/reuseadr_eserver.c; guide: chapters/ch09/README.md.
 */
public final class ReuseadrEserver {
    static final int TRUE = 1, FALSE = 0;

    public static int main(String[] argv) {
        return serve(argv, false);
    }

    /** The listing; reuse: the three lines the book leaves commented out run. */
    static int serve(String[] argv, boolean reuse) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment message = arena.allocate(30);
            MemorySegment option = arena.allocate(JAVA_INT);
            int str_len;
            int optlen;
            int[] clnt_adr_sz = new int[1];
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            if (serv_sock == -1)
                error_handling("socket() error");
            if (reuse) {
                optlen = (int) option.byteSize();
                option.set(JAVA_INT, 0, TRUE);
                setsockopt(serv_sock, SOL_SOCKET, SO_REUSEADDR, option, optlen);
            }
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) != 0)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen error");
            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);

            while ((str_len = read(clnt_sock, message, sizeof(message))) > 0) {   // the book's != 0 spins on -1
                write(clnt_sock, message, str_len);
                write(1, message, str_len);
            }
            close(clnt_sock);
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
