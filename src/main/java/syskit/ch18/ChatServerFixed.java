package syskit.ch18;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Signal.*;
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
 * ch18/chat_server_fixed: chat_server with its flaws corrected.
 * <ol>
 * <li>Each thread gets its descriptor by value (in the pointer itself), not through a pointer to
 *     main's variable that the next accept() overwrites.</li>
 * <li>read() returning -1 ends the client like 0 does; it is never sent on as a length.</li>
 * <li>Removing a client shifts the entries after it down by one, so no other client is lost.</li>
 * <li>SIGPIPE is ignored: a write to a client that is gone fails with EPIPE instead of ending the
 *     server; that client's own thread sees the end and removes it.</li>
 * <li>Only whole lines are broadcast, each with one write under the mutex, so two clients' lines
 *     never interleave at a receiver, whatever pieces TCP cut them into.</li>
 * <li>A full client list refuses the newcomer (closes its connection) instead of overrunning
 *     clnt_socks.</li>
 * </ol>
 * Usage: chat_server_fixed &lt;port&gt;
 */
public final class ChatServerFixed {
    static final int BUF_SIZE = 100;
    static final int MAX_CLNT = 256;

    static int clnt_cnt = 0;
    static final int[] clnt_socks = new int[MAX_CLNT];
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

        signal(SIGPIPE, SIG_IGN);
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

            pthread_mutex_lock(mutx);
            boolean full = clnt_cnt == MAX_CLNT;
            if (!full) clnt_socks[clnt_cnt++] = clnt_sock;
            pthread_mutex_unlock(mutx);
            if (full) {
                close(clnt_sock);
                continue;
            }

            // (void *)(intptr_t) clnt_sock: the value travels in the pointer.
            pthread_create(t_id, MemorySegment.NULL, ChatServerFixed::handle_clnt, MemorySegment.ofAddress(clnt_sock));
            pthread_detach(t_id[0]);
            System.out.println("Connected client IP: " + inet_ntoa(sockaddr_in.sin_addr(clnt_adr)) + " ");
        }
    }

    static MemorySegment handle_clnt(MemorySegment arg) {
        int clnt_sock = (int) arg.address();
        int str_len, i;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(BUF_SIZE);
            // a line may come in pieces: pending holds the bytes after the last newline so far
            MemorySegment pending = arena.allocate(4 * BUF_SIZE);
            int held = 0;

            while ((str_len = read(clnt_sock, msg, sizeof(msg))) > 0) {
                if (held + str_len > pending.byteSize()) {   // a line longer than 400 bytes: send what there is
                    send_msg(pending, held);
                    held = 0;
                }
                MemorySegment.copy(msg, 0, pending, held, str_len);
                held += str_len;
                int end = held;
                while (end > 0 && pending.get(JAVA_BYTE, end - 1) != '\n') end--;
                if (end > 0) {
                    send_msg(pending, end);
                    MemorySegment.copy(pending, end, pending, 0, held - end);
                    held -= end;
                }
            }
            if (held > 0) send_msg(pending, held);   // the last line had no newline

            pthread_mutex_lock(mutx);
            for (i = 0; i < clnt_cnt; i++) {   // remove this client: shift the rest down
                if (clnt_sock == clnt_socks[i]) {
                    for (; i < clnt_cnt - 1; i++)
                        clnt_socks[i] = clnt_socks[i + 1];
                    clnt_cnt--;
                    break;
                }
            }
            pthread_mutex_unlock(mutx);
            close(clnt_sock);
            return MemorySegment.NULL;
        }
    }

    /** Sends len bytes to every client, each to the end; a failed write (a client gone) is skipped. */
    static void send_msg(MemorySegment msg, int len) {
        int i;
        pthread_mutex_lock(mutx);
        for (i = 0; i < clnt_cnt; i++) {
            int done = 0, n;
            while (done < len && (n = write(clnt_socks[i], msg.asSlice(done), len - done)) > 0)
                done += n;
        }
        pthread_mutex_unlock(mutx);
    }

    static void error_handling(String msg) {
        Errno.perror(msg);
        exit(1);
    }
}
