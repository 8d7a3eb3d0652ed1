package syskit.ch18;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_INT;
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
 * ch18/chat_server: a chat server with one detached thread per client. Every message a client
 * sends goes to every client in the list, the sender included; the list is guarded by a mutex.
 * Usage: chat_server &lt;port&gt;   (clients: ch18/chat_clnt)
 *
 * The book's flaws are kept (chapters/ch18/README.md, ChatServerTest shows each): removing a
 * client from the list drops the client after it instead; read()'s -1 counts as a message, so
 * a client that vanishes with messages unread (its kernel answers with a reset) makes the
 * server write to a dead connection, and SIGPIPE ends it; each thread reads its descriptor
 * through a pointer to main's clnt_sock, which the next accept may already have overwritten.
 */
public final class ChatServer {
    static final int BUF_SIZE = 100;
    static final int MAX_CLNT = 256;

    static int clnt_cnt = 0;
    static int[] clnt_socks = new int[MAX_CLNT];
    static MemorySegment mutx;

    public static int main(String[] argv) {
        Arena arena = Arena.ofShared();   // clnt_sock is read by the client threads
        int serv_sock;
        MemorySegment clnt_sock = arena.allocate(JAVA_INT);
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
        if (listen(serv_sock, 5) == -1)
            error_handling("listen() error");

        while (true) {
            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            clnt_sock.set(JAVA_INT, 0, accept(serv_sock, clnt_adr, clnt_adr_sz));

            pthread_mutex_lock(mutx);
            clnt_socks[clnt_cnt++] = clnt_sock.get(JAVA_INT, 0);
            pthread_mutex_unlock(mutx);

            pthread_create(t_id, MemorySegment.NULL, ChatServer::handle_clnt, clnt_sock);
            pthread_detach(t_id[0]);
            System.out.println("Connected client IP: " + inet_ntoa(sockaddr_in.sin_addr(clnt_adr)) + " ");
        }
    }

    static MemorySegment handle_clnt(MemorySegment arg) {
        int clnt_sock = arg.get(JAVA_INT, 0);
        int str_len = 0, i;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(BUF_SIZE);

            while ((str_len = read(clnt_sock, msg, sizeof(msg))) != 0)
                send_msg(msg, str_len);

            pthread_mutex_lock(mutx);
            for (i = 0; i < clnt_cnt; i++) {   // remove disconnected client
                if (clnt_sock == clnt_socks[i]) {
                    while (i++ < clnt_cnt - 1)
                        clnt_socks[i] = clnt_socks[i + 1];
                    break;
                }
            }
            clnt_cnt--;
            pthread_mutex_unlock(mutx);
            close(clnt_sock);
            return MemorySegment.NULL;
        }
    }

    /** Sends to all. len -1 (a failed read) reaches write as C's (size_t) -1, as in the book. */
    static void send_msg(MemorySegment msg, int len) {
        int i;
        pthread_mutex_lock(mutx);
        for (i = 0; i < clnt_cnt; i++)
            write(clnt_socks[i], msg, len);
        pthread_mutex_unlock(mutx);
    }

    static void error_handling(String msg) {
        Errno.perror(msg);
        exit(1);
    }
}
