package syskit.bench;

import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.os.Pthread;
import syskit.os.Stdlib;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * bench/bw_tcp [MiB [WARMUP_MiB]]: TCP bandwidth over loopback through the kit, the twin of
 * bench/c/bw_tcp.c (two threads of one process, JIT profile). A writer thread
 * ({@link Pthread#pthread_create}) connects to 127.0.0.1 and writes WARMUP_MiB untimed (default
 * 1024: 16384 writes, so that the JIT has compiled both loops before the timed part), then MiB
 * mebibytes (default 512) in 64 KiB writes; the main thread accepts and reads with a 64 KiB buffer and times the second part.
 * Every call is the kit's own (errno captured). Prints MB/s (1 MB = 10^6 bytes).
 */
public final class BwTcp {
    static final int CHUNK = 64 * 1024;

    static volatile short port;
    static volatile long total, warmup;

    public static int main(String[] argv) {
        int mib = argv.length > 1 ? Stdlib.atoi(argv[1]) : 512;
        int warmupMib = argv.length > 2 ? Stdlib.atoi(argv[2]) : 1024;
        if (mib <= 0 || warmupMib < 0) {
            System.err.println("usage: " + argv[0] + " [MiB [WARMUP_MiB]], MiB a positive number of mebibytes");
            return 2;
        }
        total = mib * 1024L * 1024L;
        warmup = warmupMib * 1024L * 1024L;
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
            port = sockaddr_in.sin_port(adr);
            long[] t_id = new long[1];
            Pthread.pthread_create(t_id, MemorySegment.NULL, BwTcp::writer, MemorySegment.NULL);
            int sock = accept(serv_sock, MemorySegment.NULL, null);
            if (sock == -1) {
                Errno.perror("accept");
                return 1;
            }
            MemorySegment buf = arena.allocate(CHUNK, 4096); // page-aligned, as the C twin's buffer

            drain(sock, buf, warmup);
            long start = System.nanoTime();
            long got = drain(sock, buf, total);
            long elapsed = System.nanoTime() - start;

            Pthread.pthread_join(t_id[0], null);
            close(sock);
            close(serv_sock);
            if (got < total) {
                System.err.println("bw_tcp: only " + got + " of " + total + " bytes arrived");
                return 1;
            }
            System.out.println(Bench.line("bw_tcp", got * 1e3 / elapsed, "MB/s", got + " bytes in " + CHUNK + "-byte writes"));
            return 0;
        }
    }

    /** The writer thread: connects, writes warmup + total bytes in CHUNK-byte writes, closes. */
    static MemorySegment writer(MemorySegment unused) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment adr = sockaddr_in.allocate(arena);
            sockaddr_in.sin_family(adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(adr), htonl(INADDR_LOOPBACK));
            sockaddr_in.sin_port(adr, port);
            MemorySegment buf = arena.allocate(CHUNK, 4096);
            int sock = socket(PF_INET, SOCK_STREAM, 0);
            if (connect(sock, adr, (int) sockaddr_in.sizeof()) == -1) {
                Errno.perror("connect");
                Stdlib.exit(1);
            }
            for (long sent = 0; sent < warmup + total; sent += CHUNK)
                if (write(sock, buf, CHUNK) != CHUNK) {
                    Errno.perror("bw_tcp: write");
                    Stdlib.exit(1);
                }
            close(sock);
            return MemorySegment.NULL;
        }
    }

    /** Reads until want bytes have arrived (or EOF), never more; returns how many did. */
    static long drain(int fd, MemorySegment buf, long want) {
        long got = 0;
        while (got < want) {
            int r = read(fd, buf, Math.min(CHUNK, want - got));
            if (r <= 0) break;
            got += r;
        }
        return got;
    }
}
