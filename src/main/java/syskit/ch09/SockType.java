package syskit.ch09;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;

/**
 * ch09/sock_type: getsockopt(SO_TYPE) reads a socket's type back: a TCP socket says
 * SOCK_STREAM (1), a UDP socket SOCK_DGRAM (2). SO_TYPE can only be read: a socket's type
 * is fixed when it is made.
 * Usage: sock_type
 * C reference: chapters/ch09/c/sock_type.c; guide: chapters/ch09/README.md.
 */
public final class SockType {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int tcp_sock, udp_sock;
            MemorySegment sock_type = arena.allocate(JAVA_INT);
            int[] optlen = new int[1];
            int state;

            optlen[0] = (int) sock_type.byteSize();
            tcp_sock = socket(PF_INET, SOCK_STREAM, 0);
            udp_sock = socket(PF_INET, SOCK_DGRAM, 0);
            System.out.println("SOCK_STREAM: " + SOCK_STREAM);
            System.out.println("SOCK_DGRAM: " + SOCK_DGRAM);

            state = getsockopt(tcp_sock, SOL_SOCKET, SO_TYPE, sock_type, optlen);
            if (state != 0)
                error_handling("getsockopt() error");
            System.out.println("Socket type one: " + sock_type.get(JAVA_INT, 0) + " ");

            state = getsockopt(udp_sock, SOL_SOCKET, SO_TYPE, sock_type, optlen);
            if (state != 0)
                error_handling("getsockopt() error");
            System.out.println("Socket type two: " + sock_type.get(JAVA_INT, 0) + " ");
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
