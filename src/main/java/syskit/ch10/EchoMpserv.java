package syskit.ch10;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Signal.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch10/echo_mpserv: a fork-per-client echo server. The parent only accepts; each client gets a
 * child that echoes until the client closes. SIGCHLD reaps the children, one waitpid per signal.
 * Usage: echo_mpserv &lt;port&gt;   (client: ch10/echo_mpclient)
 */
public final class EchoMpserv {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            int pid;
            Sigaction act = new Sigaction();
            int[] adr_sz = new int[1];
            int str_len, state;
            MemorySegment buf = arena.allocate(BUF_SIZE);

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);

            // Unlike C, the handler does not interrupt the server wherever it is: the kit queues
            // SIGCHLD on a signalfd (a JVM cannot run Java code inside a real signal handler) and
            // runs read_childproc on this thread when the server next waits in accept(), which
            // then returns -1 with EINTR, as C's accept does.
            act.sa_handler = EchoMpserv::read_childproc;
            sigemptyset(act.sa_mask);
            act.sa_flags = 0;
            state = sigaction(SIGCHLD, act, null);
            // The JVM ignores SIGPIPE; restored to C's default, which ends an echo child that
            // writes to a connection its client has reset.
            signal(SIGPIPE, SIG_DFL);

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");

            while (true) {
                adr_sz[0] = (int) sizeof(clnt_adr);
                clnt_sock = accept(serv_sock, clnt_adr, adr_sz);
                if (clnt_sock == -1)
                    continue;
                else
                    System.out.println("new client connected...");

                pid = fork();
                if (pid == -1) {
                    close(clnt_sock);
                    continue;
                }
                if (pid == 0) {
                    close(serv_sock);
                    while ((str_len = read(clnt_sock, buf, BUF_SIZE)) != 0)
                        write(clnt_sock, buf, str_len);

                    close(clnt_sock);
                    System.out.println("client disconnected...");
                    return 0;
                } else
                    close(clnt_sock);
            }
        }
    }

    static void read_childproc(int sig) {
        int[] status = new int[1];
        int pid = waitpid(-1, status, WNOHANG);

        if (WIFEXITED(status[0]))
            System.out.println("Removed proc id : " + pid);
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
