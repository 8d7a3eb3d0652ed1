package syskit.ch14;

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
 * ch14/news_receiver_brd: prints every datagram that reaches the port, broadcast ones
 * included (no option is needed to receive them). It never ends: stop it with Ctrl-C.
 * Usage: news_receiver_brd &lt;PORT&gt;   (sender: ch14/news_sender_brd)
 */
public final class NewsReceiverBrd {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int recv_sock;
            int str_len;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment adr = sockaddr_in.allocate(arena);
            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <PORT>");
                exit(1);
            }
            getPort(argv[1]);
            recv_sock = socket(PF_INET, SOCK_DGRAM, 0);
            memset0(adr);
            sockaddr_in.sin_family(adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(adr, htons(atoi(argv[1])));

            if (bind(recv_sock, adr, (int) sizeof(adr)) == -1)
                error_handling("bind() error");
            while (true) {
                str_len = recvfrom(recv_sock, buf, BUF_SIZE - 1, 0, MemorySegment.NULL, null);
                if (str_len < 0)
                    break;
                buf.set(ValueLayout.JAVA_BYTE, str_len, (byte) 0);
                System.out.print(str(buf));   // fputs(buf, stdout)
                System.out.flush();           // each datagram shows as it comes (the C reference flushes too)
            }
            close(recv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
