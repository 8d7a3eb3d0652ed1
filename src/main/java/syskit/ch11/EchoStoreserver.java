package syskit.ch11;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Signal.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch11/echo_storeserver: a fork-per-client echo server whose children also copy every read
 * into a pipe; a store process reads the pipe and writes what it gets into echomsg.txt, ten
 * reads, then exits. SIGCHLD reaps the children, one waitpid per signal.
 * Usage: echo_storeserver &lt;port&gt;   (client: ch10/echo_mpclient)
 *
 * Ported with the listing's flaws, which the chapter guide shows: merged SIGCHLDs leave
 * zombies, and once the store has gone the pipe fills and every echo stalls. See
 * {@link EchoStoreserverFixed} for the corrected server.
 */
public final class EchoStoreserver {
    static final int BUF_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            int[] fds = new int[2];
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

            // Signals differ from C here: SIGCHLD is not delivered in the middle of whatever the
            // server does. The kit routes it to a signalfd that accept() watches beside serv_sock
            // (a JVM cannot run Java code inside a real signal handler), so read_childproc runs
            // on this thread when the server next waits in accept(), which then returns -1 with
            // EINTR, as C's accept does after a handler without SA_RESTART.
            act.sa_handler = EchoStoreserver::read_childproc;
            sigemptyset(act.sa_mask);
            act.sa_flags = 0;
            state = sigaction(SIGCHLD, act, null);
            // The JVM ignores SIGPIPE; C's default ends a process that writes to a connection the
            // client has reset. Restored so that an echo child dies there as the C one does.
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

            pipe(fds);
            pid = fork();
            if (pid == 0) {
                try (FileOutputStream fp = new FileOutputStream("echomsg.txt")) {   // fopen("echomsg.txt", "wt")
                    MemorySegment msgbuf = arena.allocate(BUF_SIZE);

                    for (int i = 0; i < 10; i++) {
                        int len = read(fds[0], msgbuf, BUF_SIZE);
                        fp.write(msgbuf.asSlice(0, len).toArray(JAVA_BYTE));   // fwrite
                    }
                } catch (IOException e) {
                    System.err.println("fopen() error: " + e.getMessage());
                    return 1;
                }
                return 0;
            }

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
                } else if (pid == 0) {
                    close(serv_sock);
                    while ((str_len = read(clnt_sock, buf, BUF_SIZE)) != 0) {
                        write(clnt_sock, buf, str_len);
                        write(fds[1], buf, str_len);
                    }

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
