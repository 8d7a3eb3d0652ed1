package syskit.ch06;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.GetNum.getPort;
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
 * ch06/bound_host1: UDP keeps the boundaries of datagrams. It sleeps before each of three
 * recvfrom calls, so bound_host2's three datagrams are all waiting in the socket by the time it
 * reads; still each recvfrom returns exactly one of them, never two glued together.
 * Usage: bound_host1 &lt;port&gt; [seconds] (the book's sleep(5) by default; tests pass 0)
 * C reference: chapters/ch06/c/bound_host1.c; guide: chapters/ch06/README.md.
 */
public final class BoundHost1 {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            MemorySegment my_adr = sockaddr_in.allocate(arena), your_adr = sockaddr_in.allocate(arena);
            int[] adr_sz = new int[1];
            int str_len, i;
            int seconds = 5;   // the book's sleep(5)

            if (argv.length != 2 && argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <port> [seconds]");
                exit(1);
            }
            getPort(argv[1]);
            seconds = getSeconds(argv, 2, seconds, "seconds");

            sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (sock == -1)
                error_handling("socket() error");

            memset0(my_adr);
            sockaddr_in.sin_family(my_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(my_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(my_adr, htons(atoi(argv[1])));

            if (bind(sock, my_adr, (int) sizeof(my_adr)) == -1)
                error_handling("bind() error");

            for (i = 0; i < 3; i++) {
                sleep(seconds);
                adr_sz[0] = (int) sizeof(your_adr);
                str_len = recvfrom(sock, message, BUF_SIZE, 0, your_adr, adr_sz);
                System.out.println("Message " + (i + 1) + ": " + str(message) + " ");
            }
            close(sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
