package syskit.ch13;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
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
 * ch13/peek_recv: accepts one connection, then polls with recv(MSG_PEEK | MSG_DONTWAIT) until
 * bytes are there (a busy loop: DONTWAIT returns -1 at once while nothing came). MSG_PEEK
 * leaves them in the socket's buffer, so the plain recv after it reads the same bytes again.
 * Usage: peek_recv &lt;port&gt;   (sender: ch13/peek_send)
 */
public final class PeekRecv {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int acpt_sock, recv_sock;
            MemorySegment acpt_adr = sockaddr_in.allocate(arena), recv_adr = sockaddr_in.allocate(arena);
            int str_len, state;
            int[] recv_adr_sz = new int[1];
            MemorySegment buf = arena.allocate(BUF_SIZE);
            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);
            acpt_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(acpt_adr);
            sockaddr_in.sin_family(acpt_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(acpt_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(acpt_adr, htons(atoi(argv[1])));

            if (bind(acpt_sock, acpt_adr, (int) sizeof(acpt_adr)) == -1)
                error_handling("bind() error");
            listen(acpt_sock, 5);

            recv_adr_sz[0] = (int) sizeof(recv_adr);
            recv_sock = accept(acpt_sock, recv_adr, recv_adr_sz);

            while (true) {
                str_len = recv(recv_sock, buf, sizeof(buf) - 1, MSG_PEEK | MSG_DONTWAIT);
                if (str_len > 0)
                    break;
            }

            buf.set(ValueLayout.JAVA_BYTE, str_len, (byte) 0);
            System.out.println("Buffering " + str_len + " bytes : " + str(buf) + " ");
            str_len = recv(recv_sock, buf, sizeof(buf) - 1, 0);
            buf.set(ValueLayout.JAVA_BYTE, str_len, (byte) 0);
            System.out.println("Read again: " + str(buf) + " ");
            close(acpt_sock);
            close(recv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
