package syskit.bench;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import syskit.os.Errno;
import syskit.os.Fcntl;
import syskit.os.Stdlib;
import syskit.posix.posix_h;

/**
 * bench/fork [N [option...]]: the cost of a process, the twin of bench/c/fork.c. N times (default
 * 1000), after 10 untimed: fork a child that calls _exit(0) at once, and reap it with waitpid.
 * Prints microseconds per fork+exit+wait. It goes through the kit's fork (flush, heap room, exit
 * path linked in the parent: see ForkSafety), as every listing does.
 *
 * Options, for the measurements in bench/README.md (make bench uses none):
 * <ul>
 * <li>{@code write}: the child first writes one byte to /dev/null with the kit's write (the
 *     downcall a child commonly makes first), then calls _exit(0);</li>
 * <li>{@code print}: the child prints a line with System.out.println first (lines "child" on
 *     stdout: for a measurement by hand, not for make bench);</li>
 * <li>{@code prelink}: the parent makes those calls once (zero bytes, an empty print) before the
 *     first fork, so the child finds the call sites already linked;</li>
 * <li>{@code collapse}: before every fork, the parent asks the kernel to collapse its anonymous
 *     memory into 2 MB pages (madvise MADV_COLLAPSE); {@code collapse-once}: only before the
 *     first. The time madvise takes is inside the figure, and also given in the detail.</li>
 * </ul>
 */
public final class ForkBench {
    static final int WARMUP = 10;
    /** MADV_COLLAPSE (Linux 6.1), not in the bound headers. */
    static final int MADV_COLLAPSE = 25;
    static final long HUGE = 2L << 20;

    static boolean childWrites, childPrints, collapseEach;
    static int devnull = -1;
    static MemorySegment one;
    static List<long[]> regions = List.of();
    static long collapseNanos;
    static int collapsed;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 1000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N [write] [print] [prelink] [collapse|collapse-once]], N a positive number of forks");
            return 2;
        }
        boolean prelink = false, collapseOnce = false;
        for (int i = 2; i < argv.length; i++) {
            switch (argv[i]) {
                case "write" -> childWrites = true;
                case "print" -> childPrints = true;
                case "prelink" -> prelink = true;
                case "collapse" -> collapseEach = true;
                case "collapse-once" -> collapseOnce = true;
                default -> {
                    System.err.println("usage: " + argv[0] + " [N [write] [print] [prelink] [collapse|collapse-once]]: unknown option " + argv[i]);
                    return 2;
                }
            }
        }
        if (childWrites || prelink) {
            devnull = Fcntl.open("/dev/null", Fcntl.O_WRONLY);
            one = Arena.global().allocate(1);
        }
        if (prelink) {
            write(devnull, one, 0);
            if (childPrints) System.out.print(""); // the encoder's path, without output
        }
        if (collapseEach || collapseOnce) regions = anonymousRegions();
        if (forks(WARMUP) != 0) return 1;
        if (collapseOnce) collapse();
        long start = System.nanoTime();
        if (forks(n) != 0) return 1;
        long elapsed = System.nanoTime() - start;
        String detail = n + " forks";
        if (childWrites) detail += ", the child writes first";
        if (childPrints) detail += ", the child prints a line";
        if (prelink) detail += ", linked in the parent first";
        if (collapseEach || collapseOnce)
            detail += String.format(java.util.Locale.ROOT, ", MADV_COLLAPSE %s: %d of %d calls succeeded, %.2f us per fork in madvise",
                    collapseEach ? "before every fork" : "once", collapsed, regions.size() * (collapseEach ? WARMUP + n : 1),
                    collapseNanos / 1e3 / n) + (lastErrno != 0 ? " (last error: " + Errno.strerror(lastErrno) + ")" : "");
        System.out.println(Bench.line("fork", elapsed / 1e3 / n, "us per fork+exit+wait", detail));
        return 0;
    }

    /** n times: fork, the child _exits, the parent reaps it. Returns 0, or 1 after a message. */
    static int forks(int n) {
        int[] status = new int[1];
        for (int i = 0; i < n; i++) {
            if (collapseEach) collapse();
            int pid = fork();
            if (pid == -1) {
                Errno.perror("fork");
                return 1;
            }
            if (pid == 0) {
                if (childWrites) write(devnull, one, 1);
                if (childPrints) {
                    System.out.println("child");
                    System.out.flush();
                }
                _exit(0);
            }
            if (waitpid(pid, status, 0) != pid || !WIFEXITED(status[0]) || WEXITSTATUS(status[0]) != 0) {
                System.err.println("fork: child " + pid + " did not exit with 0");
                return 1;
            }
        }
        return 0;
    }

    /** The 2 MB-aligned 2 MB pieces of the process's anonymous writable mappings (heap, metaspace, malloc arenas...). */
    static List<long[]> anonymousRegions() {
        List<long[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                String[] f = line.trim().split("\\s+");
                if (!f[1].startsWith("rw") || (f.length > 5 && !f[5].equals("[heap]"))) continue;
                String[] range = f[0].split("-");
                long from = (Long.parseUnsignedLong(range[0], 16) + HUGE - 1) & -HUGE;
                long to = Long.parseUnsignedLong(range[1], 16) & -HUGE;
                for (long a = from; a < to; a += HUGE) out.add(new long[] {a, HUGE}); // one call per 2 MB: an unpopulated one fails alone
            }
        } catch (IOException e) {
            System.err.println("fork: cannot read /proc/self/maps: " + e);
        }
        return out;
    }

    static final java.lang.invoke.MethodHandle MADVISE = Errno.capturing(posix_h.madvise$address(), posix_h.madvise$descriptor());
    static int lastErrno;

    static void collapse() {
        long t = System.nanoTime();
        for (long[] r : regions) {
            int rc;
            try {
                rc = (int) MADVISE.invokeExact(Errno.state(), MemorySegment.ofAddress(r[0]), r[1], MADV_COLLAPSE);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
            if (rc == 0) collapsed++;
            else lastErrno = Errno.errno();
        }
        collapseNanos += System.nanoTime() - t;
    }
}
