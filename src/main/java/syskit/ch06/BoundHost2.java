package syskit.ch06;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch06/bound_host2: three sendto calls, three datagrams of 4, 22 and 17 bytes (each string
 * with its NUL, as sizeof counts it), to bound_host1. It prints nothing.
 * Usage: bound_host2 &lt;IP&gt; &lt;port&gt;
 * C reference: chapters/ch06/c/bound_host2.c; guide: chapters/ch06/README.md.
 */
public final class BoundHost2 {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment msg1 = arena.allocateFrom("Hi!");
            MemorySegment msg2 = arena.allocateFrom("I'm another UDP host!");
            MemorySegment msg3 = arena.allocateFrom("Nice to meet you");
            MemorySegment your_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);

            sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (sock == -1)
                error_handling("socket() error");
            memset0(your_adr);
            sockaddr_in.sin_family(your_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(your_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(your_adr, htons(atoi(argv[2])));

            sendto(sock, msg1, sizeof(msg1), 0, your_adr, (int) sizeof(your_adr));
            sendto(sock, msg2, sizeof(msg2), 0, your_adr, (int) sizeof(your_adr));
            sendto(sock, msg3, sizeof(msg3), 0, your_adr, (int) sizeof(your_adr));
            close(sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
