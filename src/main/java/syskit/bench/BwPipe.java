package syskit.bench;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.os.Stdlib;
import syskit.posix.posix_h;

/**
 * bench/bw_pipe [MiB]: pipe bandwidth, the twin of bench/c/bw_pipe.c. The child writes 1 MiB
 * untimed, then MiB mebibytes (default 256) in 64 KiB chunks; the parent reads with a 64 KiB
 * buffer and times the second part. Prints MB/s (1 MB = 10^6 bytes).
 *
 * The loops call the generated bindings (posix_h.read, posix_h.write) instead of the kit's
 * Unistd.read/write, as in bench/lat_pipe: errno is not needed, and capturing it costs a second
 * downcall's worth of interpreted code per call under -Xint.
 */
public final class BwPipe {
    static final int CHUNK = 64 * 1024;
    static final int WARMUP = 1024 * 1024;

    public static int main(String[] argv) {
        int mib = argv.length > 1 ? Stdlib.atoi(argv[1]) : 256;
        if (mib <= 0) {
            System.err.println("usage: " + argv[0] + " [MiB], MiB a positive number of mebibytes");
            return 2;
        }
        long total = mib * 1024L * 1024L;
        int[] fds = new int[2];
        if (pipe(fds) == -1) {
            Errno.perror("pipe");
            return 1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(CHUNK, 4096); // page-aligned, as the C twin's buffer
            int pid = fork();
            if (pid == -1) {
                Errno.perror("fork");
                return 1;
            }
            if (pid == 0) {
                close(fds[0]);              // read end is the parent's
                for (long sent = 0; sent < WARMUP + total; sent += CHUNK)
                    if (posix_h.write(fds[1], buf, CHUNK) != CHUNK)
                        _exit(1);
                close(fds[1]);
                _exit(0);
            }
            close(fds[1]);                  // so the parent sees EOF if the child dies

            drain(fds[0], buf, WARMUP);
            long start = System.nanoTime();
            long got = drain(fds[0], buf, total);
            long elapsed = System.nanoTime() - start;

            close(fds[0]);
            waitpid(pid, null, 0);
            if (got < total) {
                System.err.println("bw_pipe: only " + got + " of " + total + " bytes arrived");
                return 1;
            }
            System.out.println(Bench.line("bw_pipe", got * 1e3 / elapsed, "MB/s", got + " bytes in " + CHUNK + "-byte chunks"));
            return 0;
        }
    }

    /** Reads until want bytes have arrived (or EOF); returns how many did. */
    static long drain(int fd, MemorySegment buf, long want) {
        long got = 0;
        while (got < want) {
            long r = posix_h.read(fd, buf, CHUNK);
            if (r <= 0) break;
            got += r;
        }
        return got;
    }
}
