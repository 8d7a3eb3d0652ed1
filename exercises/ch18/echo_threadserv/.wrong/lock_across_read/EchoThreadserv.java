// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// The lock is held across read(): a thread waiting for a quiet client keeps mutx, so every other
// client waits with it; the server serves one client at a time (the book's own homework answer).
// fails: anIdleClientDoesNotHoldUpTheOthers "waited for the idle client"
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
 * Exercise ch18/echo_threadserv (chapter 18, question 7), the reference answer: a threaded echo
 * server whose threads all use ONE global buffer, buf, guarded by the mutex mutx.
 * Usage: echo_threadserv &lt;port&gt;
 *
 * The rule: hold the lock only while buf is in use, never while waiting for a client. Each
 * thread first waits, without the lock, until its client has sent something (recv with
 * MSG_PEEK looks without taking the bytes); then it locks, reads what is there into buf (that
 * read does not wait: the bytes are there, and only this thread reads this socket), writes it
 * back from buf, and unlocks.
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
        while (true) {
            pthread_mutex_lock(mutx);   // held while read() waits for this client: everyone else waits too
            str_len = read(clnt_sock, buf, BUF_SIZE);
            if (str_len > 0)
                write(clnt_sock, buf, str_len);
            pthread_mutex_unlock(mutx);
            if (str_len <= 0)
                break;
        }
        close(clnt_sock);
        return MemorySegment.NULL;
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
