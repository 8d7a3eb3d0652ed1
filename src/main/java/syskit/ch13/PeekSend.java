package syskit.ch13;

import static syskit.os.GetNum.getAddress;
import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch13/peek_send: connects, writes "123" and closes.
 * Usage: peek_send &lt;IP&gt; &lt;port&gt;   (receiver: ch13/peek_recv)
 */
public final class PeekSend {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment send_adr = sockaddr_in.allocate(arena);
            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);
            sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(send_adr);
            sockaddr_in.sin_family(send_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(send_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(send_adr, htons(atoi(argv[2])));

            if (connect(sock, send_adr, (int) sizeof(send_adr)) == -1)
                error_handling("connect() error");

            write(sock, arena.allocateFrom("123"), 3);   // strlen("123")
            close(sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
