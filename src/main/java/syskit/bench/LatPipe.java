package syskit.bench;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.os.Stdlib;
import syskit.posix.posix_h;

/**
 * bench/lat_pipe [N]: pipe latency, the twin of bench/c/lat_pipe.c. A "hot potato": one byte to
 * the child through fds1 and back through fds2, N times (default 100000) after 1000 untimed
 * round trips. Prints microseconds per round trip.
 *
 * The hot loops call the generated bindings (posix_h.read, posix_h.write) instead of the kit's
 * Unistd.read/write, as a careful FFM programmer would where errno is not needed: the kit's calls
 * capture errno, which under -Xint costs about as much again as the downcall itself (bench/downcall
 * shows it), and a failed round trip here just ends the run.
 */
public final class LatPipe {
    static final int WARMUP = 1000;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 100_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of round trips");
            return 2;
        }
        int[] fds1 = new int[2], fds2 = new int[2]; // fds1: parent -> child, fds2: child -> parent
        if (pipe(fds1) == -1 || pipe(fds2) == -1) {
            Errno.perror("pipe");
            return 1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocate(1);
            int pid = fork();
            if (pid == -1) {
                Errno.perror("fork");
                return 1;
            }
            if (pid == 0) {
                close(fds1[1]);             // write end of its input is the parent's
                close(fds2[0]);             // read end of its output is the parent's
                while (posix_h.read(fds1[0], c, 1) == 1)
                    if (posix_h.write(fds2[1], c, 1) != 1)
                        _exit(1);
                _exit(0);                   // EOF: the parent is done
            }
            close(fds1[0]);
            close(fds2[1]);

            hotPotato(fds1[1], fds2[0], c, WARMUP);
            long start = System.nanoTime();
            hotPotato(fds1[1], fds2[0], c, n);
            long elapsed = System.nanoTime() - start;

            close(fds1[1]);                 // child sees EOF and ends
            waitpid(pid, null, 0);
            System.out.println(Bench.line("lat_pipe", elapsed / 1e3 / n, "us per round trip", n + " round trips"));
            return 0;
        }
    }

    /** One round trip: the byte goes out through toChild and comes back through fromChild. */
    static void hotPotato(int toChild, int fromChild, MemorySegment c, int n) {
        for (int i = 0; i < n; i++) {
            if (posix_h.write(toChild, c, 1) != 1 || posix_h.read(fromChild, c, 1) != 1) {
                System.err.println("lat_pipe: a round trip failed");
                Stdlib.exit(1);
            }
        }
    }
}
