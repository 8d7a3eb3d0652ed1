package syskit.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

import syskit.os.Errno;
import syskit.os.Stdlib;
import syskit.os.Unistd;
import syskit.posix.posix_h;

/**
 * bench/downcall [N]: what one call into C costs from Java in the kit's profile, the twin of
 * bench/c/downcall.c. Times N calls (default 200000) of getpid, a system call that does almost
 * nothing, through each handle shape, then N one-byte write+read pairs on a pipe through the kit
 * (errno captured) and through the generated bindings (not captured). Prints nanoseconds per call,
 * then the bytes each kind of write+read pair leaves on the Java heap.
 */
public final class Downcall {
    static final MethodHandle GETPID = posix_h.getpid$handle();
    static final MethodHandle GETPID_CRITICAL = Linker.nativeLinker().downcallHandle(
            posix_h.getpid$address(), posix_h.getpid$descriptor(), Linker.Option.critical(false));
    static final MethodHandle GETPID_ERRNO = Errno.capturing(posix_h.getpid$address(), posix_h.getpid$descriptor());

    static long sink; // keeps results alive, as C's volatile does

    public static int main(String[] argv) throws Throwable {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 200_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of calls");
            return 2;
        }
        int[] fds = new int[2];
        if (Unistd.pipe(fds) == -1) {
            Errno.perror("pipe");
            return 1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocate(1);
            MemorySegment state = Errno.state();
            long t;
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += i;
            report("ns per call", "empty loop", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID.invokeExact();
            report("ns per call", "getpid, handle.invokeExact", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += posix_h.getpid();
            report("ns per call", "getpid, generated wrapper", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID_CRITICAL.invokeExact();
            report("ns per call", "getpid, critical(false) handle", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID_ERRNO.invokeExact(state);
            report("ns per call", "getpid, errno captured", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += posix_h.write(fds[1], c, 1) + posix_h.read(fds[0], c, 1);
            report("ns per write+read pair", "generated wrappers", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += Unistd.write(fds[1], c, 1) + Unistd.read(fds[0], c, 1);
            report("ns per write+read pair", "kit calls, errno captured", t, n);

            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long b = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) sink += posix_h.write(fds[1], c, 1) + posix_h.read(fds[0], c, 1);
            reportBytes("generated wrappers", threads.getCurrentThreadAllocatedBytes() - b, n);
            b = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) sink += Unistd.write(fds[1], c, 1) + Unistd.read(fds[0], c, 1);
            reportBytes("kit calls, errno captured", threads.getCurrentThreadAllocatedBytes() - b, n);
        }
        return 0;
    }

    static void report(String unit, String what, long start, int n) {
        System.out.println(Bench.line("downcall", (System.nanoTime() - start) / (double) n, unit, what));
    }

    static void reportBytes(String what, long bytes, int n) {
        System.out.println(Bench.line("downcall", bytes / (double) n, "bytes allocated per write+read pair", what));
    }
}
