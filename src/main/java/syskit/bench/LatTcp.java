package syskit.bench;

import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import syskit.os.Errno;
import syskit.os.Pthread;
import syskit.os.Stdlib;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * bench/lat_tcp [N]: TCP latency over loopback through the kit, the twin of bench/c/lat_tcp.c
 * (two threads of one process: this listing runs in the JIT profile, where fork() refuses). The
 * main thread connects to 127.0.0.1 and sends one byte; an echo thread started with
 * {@link Pthread#pthread_create} accepts and sends each byte back. N round trips (default 50000)
 * after 10000 untimed, so that the JIT has compiled both loops. Both sockets have TCP_NODELAY.
 * Prints microseconds per round trip.
 *
 * Unlike the pipe benchmarks, every call is the kit's own ({@link syskit.os.Unistd#read},
 * {@code write}, errno captured): what a listing that never forks pays per call in its profile.
 * bench/lat_tcp_nio is the same design with java.nio.
 */
public final class LatTcp {
    static final int WARMUP = 10_000;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 50_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of round trips");
            return 2;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment adr = sockaddr_in.allocate(arena);
            int[] adr_sz = {(int) sockaddr_in.sizeof()};
            int serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            sockaddr_in.sin_family(adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(adr), htonl(INADDR_LOOPBACK));
            sockaddr_in.sin_port(adr, (short) 0); // any free port; getsockname says which
            if (bind(serv_sock, adr, (int) sockaddr_in.sizeof()) == -1 || listen(serv_sock, 1) == -1
                    || getsockname(serv_sock, adr, adr_sz) == -1) {
                Errno.perror("bind/listen");
                return 1;
            }
            long[] t_id = new long[1];
            Pthread.pthread_create(t_id, MemorySegment.NULL, LatTcp::echo, MemorySegment.ofAddress(serv_sock));
            int sock = socket(PF_INET, SOCK_STREAM, 0);
            if (connect(sock, adr, (int) sockaddr_in.sizeof()) == -1) {
                Errno.perror("connect");
                return 1;
            }
            nodelay(sock, arena);
            MemorySegment c = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'x');

            roundTrips(sock, c, WARMUP);
            long start = System.nanoTime();
            roundTrips(sock, c, n);
            long elapsed = System.nanoTime() - start;

            close(sock);                    // the echo thread sees EOF and ends
            Pthread.pthread_join(t_id[0], null);
            close(serv_sock);
            System.out.println(Bench.line("lat_tcp", elapsed / 1e3 / n, "us per round trip", n + " round trips"));
            return 0;
        }
    }

    static void nodelay(int sock, Arena arena) {
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, arena.allocateFrom(ValueLayout.JAVA_INT, 1), 4);
    }

    /** The echo thread: accepts one connection, sends every byte back until EOF. */
    static MemorySegment echo(MemorySegment arg) {
        try (Arena arena = Arena.ofConfined()) {
            int sock = accept((int) arg.address(), MemorySegment.NULL, null);
            if (sock == -1) {
                Errno.perror("accept");
                Stdlib.exit(1);
            }
            nodelay(sock, arena);
            MemorySegment c = arena.allocate(1);
            while (echoOne(sock, c)) {
            }
            close(sock);
            return MemorySegment.NULL;
        }
    }

    /** One byte back; false at EOF. A method of its own, so that the JIT compiles it early. */
    static boolean echoOne(int sock, MemorySegment c) {
        return read(sock, c, 1) == 1 && write(sock, c, 1) == 1;
    }

    static void roundTrips(int sock, MemorySegment c, int n) {
        for (int i = 0; i < n; i++) roundTrip(sock, c);
    }

    /** One round trip: the byte goes out and comes back. */
    static void roundTrip(int sock, MemorySegment c) {
        if (write(sock, c, 1) != 1 || read(sock, c, 1) != 1) {
            Errno.perror("lat_tcp: round trip");
            Stdlib.exit(1);
        }
    }
}
