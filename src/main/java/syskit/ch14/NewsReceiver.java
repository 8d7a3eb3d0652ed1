package syskit.ch14;

import static syskit.os.GetNum.getGroup;
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
import syskit.posix.ip_mreq;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch14/news_receiver: joins a multicast group (IP_ADD_MEMBERSHIP) and prints every datagram
 * sent to it on the port. It never ends: stop it with Ctrl-C.
 * Usage: news_receiver &lt;GroupIP&gt; &lt;PORT&gt;   (sender: ch14/news_sender)
 */
public final class NewsReceiver {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int recv_sock;
            int str_len;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment adr = sockaddr_in.allocate(arena);
            MemorySegment join_adr = ip_mreq.allocate(arena);
            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <GroupIP> <PORT>");
                exit(1);
            }
            getGroup(argv[1]);
            getPort(argv[2]);
            recv_sock = socket(PF_INET, SOCK_DGRAM, 0);
            memset0(adr);
            sockaddr_in.sin_family(adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(adr, htons(atoi(argv[2])));

            if (bind(recv_sock, adr, (int) sizeof(adr)) == -1)
                error_handling("bind() error");
            in_addr.s_addr(ip_mreq.imr_multiaddr(join_adr), inet_addr(argv[1]));
            in_addr.s_addr(ip_mreq.imr_interface(join_adr), htonl(INADDR_ANY));
            setsockopt(recv_sock, IPPROTO_IP, IP_ADD_MEMBERSHIP, join_adr, (int) sizeof(join_adr));

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
