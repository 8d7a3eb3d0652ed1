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
 * ch11/echo_storeserver_fixed: {@link EchoStoreserver} with its flaws corrected.
 * <ul>
 * <li>The store process keeps reading until every write end of the pipe is closed, that is
 *     until the server and all its children have ended, so the pipe never fills for good.</li>
 * <li>Every process closes the pipe ends and sockets it does not use.</li>
 * <li>accept() failing with EINTR (a SIGCHLD handler ran) just waits again.</li>
 * <li>The handler calls waitpid(-1, WNOHANG) until no ended child is left: one SIGCHLD may
 *     stand for several children.</li>
 * <li>Each child sends whole lines into the pipe, one write() per line. A write of at most
 *     PIPE_BUF (4096) bytes to a pipe is atomic: it never interleaves with another writer's,
 *     so lines from different clients never mix in echomsg.txt. (The listing's writes of up to
 *     BUF_SIZE = 100 bytes are atomic too, but a line can arrive in two reads.)</li>
 * </ul>
 * Usage: echo_storeserver_fixed &lt;port&gt;
 */
public final class EchoStoreserverFixed {
    static final int BUF_SIZE = 100;
    static final int PIPE_BUF = syskit.os.Limits.PIPE_BUF;
    static final int EINTR = syskit.os.Errno.EINTR;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            int[] fds = new int[2];
            int pid;
            Sigaction act = new Sigaction();
            int[] adr_sz = new int[1];
            int str_len;
            MemorySegment buf = arena.allocate(BUF_SIZE);

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);

            // As in echo_storeserver, the handler runs on this thread when the server next waits
            // in accept() (the kit's signalfd), and accept then returns -1 with EINTR.
            act.sa_handler = EchoStoreserverFixed::read_childproc;
            sigemptyset(act.sa_mask);
            act.sa_flags = 0;
            sigaction(SIGCHLD, act, null);
            // A server does not let a vanished client kill its child: write() returns -1 (EPIPE)
            // instead, and the child checks it.
            signal(SIGPIPE, SIG_IGN);

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            // A backlog of 5 makes the sixth client of a burst wait a second to retry its SYN.
            if (listen(serv_sock, SOMAXCONN) == -1)
                error_handling("listen() error");

            pipe(fds);
            pid = fork();
            if (pid == 0) {
                close(serv_sock);   // the store never accepts
                close(fds[1]);      // so that read() returns 0 once every writer is gone
                // Ctrl-C in a terminal reaches the whole group: the store outlives it, writes
                // what is still in the pipe, and ends at EOF with the server and its children.
                signal(SIGINT, SIG_IGN);
                return store(fds[0], arena.allocate(BUF_SIZE));
            }
            close(fds[0]);          // only the store reads the pipe

            while (true) {
                adr_sz[0] = (int) sizeof(clnt_adr);
                clnt_sock = accept(serv_sock, clnt_adr, adr_sz);
                if (clnt_sock == -1) {
                    if (Errno.errno() != EINTR)
                        Errno.perror("accept() error");
                    continue;
                }
                System.out.println("new client connected...");

                pid = fork();
                if (pid == -1) {
                    Errno.perror("fork() error");
                    close(clnt_sock);
                    continue;
                } else if (pid == 0) {
                    close(serv_sock);
                    MemorySegment line = arena.allocate(PIPE_BUF);
                    int line_len = 0;
                    boolean[] lost = {false};
                    while ((str_len = read(clnt_sock, buf, BUF_SIZE)) > 0) {
                        if (write(clnt_sock, buf, str_len) == -1)
                            break;                       // the client is gone
                        for (int i = 0; i < str_len; i++) {
                            byte c = buf.get(JAVA_BYTE, i);
                            line.set(JAVA_BYTE, line_len++, c);
                            if (c == '\n' || line_len == PIPE_BUF) {
                                keep(fds[1], line, line_len, lost);   // one line, one atomic write
                                line_len = 0;
                            }
                        }
                    }
                    if (line_len > 0)
                        keep(fds[1], line, line_len, lost);   // a last line without its newline

                    close(clnt_sock);
                    System.out.println("client disconnected...");
                    return 0;
                } else
                    close(clnt_sock);
            }
        }
    }

    /** The store process: everything the pipe carries goes to echomsg.txt, until EOF. */
    static int store(int fd, MemorySegment msgbuf) {
        try (FileOutputStream fp = new FileOutputStream("echomsg.txt")) {   // fopen("echomsg.txt", "wt")
            int len;
            while ((len = read(fd, msgbuf, BUF_SIZE)) > 0)
                fp.write(msgbuf.asSlice(0, len).toArray(JAVA_BYTE));    // unbuffered: on disk at once
        } catch (IOException e) {
            System.err.println("echomsg.txt: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * One line into the store's pipe. A store that is gone (killed, or the disk refused it) makes
     * the write fail with EPIPE (SIGPIPE is ignored): the line is lost, and the server says so once
     * per client instead of going on as if every message were kept.
     */
    static void keep(int fd, MemorySegment line, int len, boolean[] lost) {
        if (write(fd, line, len) == -1 && !lost[0]) {
            lost[0] = true;
            System.err.println("echomsg.txt: the store process is gone (" + Errno.strerror(Errno.errno())
                    + "): this client's lines are echoed but no longer kept");
        }
    }

    static void read_childproc(int sig) {
        int[] status = new int[1];
        int pid;
        while ((pid = waitpid(-1, status, WNOHANG)) > 0)
            System.out.println("Removed proc id : " + pid);
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
