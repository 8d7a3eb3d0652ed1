package syskit.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import syskit.os.Errno;
import syskit.os.Stdlib;
import syskit.os.Unistd;
import syskit.posix.posix_h;

/**
 * bench/downcall [N]: what one call into C costs from Java in the kit's profile, the twin of
 * bench/c/downcall.c. Times N calls (default 200000) of getpid, a system call that does almost
 * nothing, through each handle shape, then N one-byte write+read pairs on a pipe through the kit
 * (errno captured) and through the generated bindings (not captured). Prints nanoseconds per call.
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
            MemorySegment state = Errno.STATE;
            long t;
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += i;
            report("empty loop", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID.invokeExact();
            report("getpid, handle.invokeExact", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += posix_h.getpid();
            report("getpid, generated wrapper", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID_CRITICAL.invokeExact();
            report("getpid, critical(false) handle", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += (int) GETPID_ERRNO.invokeExact(state);
            report("getpid, errno captured", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += posix_h.write(fds[1], c, 1) + posix_h.read(fds[0], c, 1);
            report("write+read pair, generated wrappers", t, n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += Unistd.write(fds[1], c, 1) + Unistd.read(fds[0], c, 1);
            report("write+read pair, kit calls, errno captured", t, n);
        }
        return 0;
    }

    static void report(String what, long start, int n) {
        System.out.println(Bench.line("downcall", (System.nanoTime() - start) / (double) n, "ns per call", what));
    }
}
