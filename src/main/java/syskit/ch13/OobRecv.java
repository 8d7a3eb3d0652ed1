package syskit.ch13;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Fcntl.*;
import static syskit.os.Inet.*;
import static syskit.os.Signal.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch13/oob_recv: accepts one connection, makes this process the socket's owner (F_SETOWN) so
 * that urgent data raises SIGURG here, and reads the urgent byte in the SIGURG handler with
 * recv(MSG_OOB); the main loop prints the normal data. How the two interleave varies from run
 * to run, in C too.
 * Usage: oob_recv &lt;port&gt;   (sender: ch13/oob_send)
 */
public final class OobRecv {
    static final int BUF_SIZE = 30;

    static int acpt_sock;
    static int recv_sock;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment recv_adr = sockaddr_in.allocate(arena), serv_adr = sockaddr_in.allocate(arena);
            int str_len, state;
            int[] serv_adr_sz = new int[1];
            Sigaction act = new Sigaction();
            MemorySegment buf = arena.allocate(BUF_SIZE);
            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);
            act.sa_handler = OobRecv::urg_handler;
            sigemptyset(act.sa_mask);
            act.sa_flags = 0;

            acpt_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(recv_adr);
            sockaddr_in.sin_family(recv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(recv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(recv_adr, htons(atoi(argv[1])));

            if (bind(acpt_sock, recv_adr, (int) sizeof(recv_adr)) == -1)
                error_handling("bind() error");
            listen(acpt_sock, 5);

            serv_adr_sz[0] = (int) sizeof(serv_adr);
            recv_sock = accept(acpt_sock, serv_adr, serv_adr_sz);

            fcntl(recv_sock, F_SETOWN, getpid());
            // Unlike C, urg_handler does not run the instant SIGURG arrives: the kit queues the
            // signal on a signalfd and runs the handler on this thread while recv below waits;
            // recv then returns -1 (EINTR), as C's recv does after a handler without SA_RESTART.
            state = sigaction(SIGURG, act, null);

            while ((str_len = recv(recv_sock, buf, sizeof(buf), 0)) != 0) {
                if (str_len == -1)
                    continue;
                // As in C, 30 bytes would put the NUL one past the end of buf (the kit would stop
                // here); the sender's 10 bytes never come near it.
                buf.set(ValueLayout.JAVA_BYTE, str_len, (byte) 0);
                System.out.println(str(buf));
            }
            close(recv_sock);
            close(acpt_sock);
            return 0;
        }
    }

    static void urg_handler(int signo) {
        int str_len;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUF_SIZE);
            str_len = recv(recv_sock, buf, sizeof(buf) - 1, MSG_OOB);
            // C writes buf[-1] when recv fails (no urgent byte to read any more: EINVAL), and
            // prints whatever the stack held; the port prints an empty message instead.
            buf.set(ValueLayout.JAVA_BYTE, Math.max(str_len, 0), (byte) 0);
            System.out.println("Urgent message: " + str(buf) + " ");
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
