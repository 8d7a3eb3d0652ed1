package syskit.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

import syskit.os.Errno;
import syskit.os.MemoryCheck;
import syskit.os.Stdlib;
import syskit.os.Unistd;
import syskit.posix.posix_h;

/**
 * bench/downcall [N]: what one call into C costs from Java, the twin of bench/c/downcall.c. Times
 * N calls (default 200000) of getpid, a system call that does almost nothing, through each handle
 * shape, then N one-byte write+read pairs on a pipe: through the kit (errno captured), through the
 * generated bindings (not captured), through kit-shaped wrappers that do not capture errno, and
 * with the buffer passed as a {@code long} address ({@code JAVA_LONG} in the descriptor) instead
 * of a {@code MemorySegment}. Prints nanoseconds per call, then the bytes each kind of write+read
 * pair leaves on the Java heap.
 *
 * bench/downcall runs it in the fork-safe profile (-Xint); bench/downcall_jit in the JIT profile,
 * where each loop first runs once untimed, so that the JIT has compiled it.
 */
public final class Downcall {
    static final MethodHandle GETPID = posix_h.getpid$handle();
    static final MethodHandle GETPID_CRITICAL = Linker.nativeLinker().downcallHandle(
            posix_h.getpid$address(), posix_h.getpid$descriptor(), Linker.Option.critical(false));
    static final MethodHandle GETPID_ERRNO = Errno.capturing(posix_h.getpid$address(), posix_h.getpid$descriptor());

    /** read/write as the kit builds them, without the errno capture. */
    static final MethodHandle READ = Linker.nativeLinker().downcallHandle(posix_h.read$address(), posix_h.read$descriptor());
    static final MethodHandle WRITE = Linker.nativeLinker().downcallHandle(posix_h.write$address(), posix_h.write$descriptor());
    /** ssize_t read/write(int, void *, size_t) with the pointer declared as a 64-bit integer. */
    static final FunctionDescriptor RW_LONG = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    static final MethodHandle READ_LONG = Linker.nativeLinker().downcallHandle(posix_h.read$address(), RW_LONG);
    static final MethodHandle WRITE_LONG = Linker.nativeLinker().downcallHandle(posix_h.write$address(), RW_LONG);
    static final MethodHandle READ_LONG_ERRNO = Errno.capturing(posix_h.read$address(), RW_LONG);
    static final MethodHandle WRITE_LONG_ERRNO = Errno.capturing(posix_h.write$address(), RW_LONG);

    static long sink; // keeps results alive, as C's volatile does
    static int n;
    static int rfd, wfd;
    static MemorySegment c;

    public static int main(String[] argv) throws Throwable {
        n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 200_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of calls");
            return 2;
        }
        int[] fds = new int[2];
        if (Unistd.pipe(fds) == -1) {
            Errno.perror("pipe");
            return 1;
        }
        rfd = fds[0];
        wfd = fds[1];
        boolean jit = !"fork".equals(System.getProperty("syskit.profile"));
        c = Arena.global().allocate(1);
        String perCall = "ns per call", perPair = "ns per write+read pair";
        time(jit, perCall, "empty loop", Downcall::emptyLoop);
        time(jit, perCall, "getpid, handle.invokeExact", Downcall::getpidHandle);
        time(jit, perCall, "getpid, generated wrapper", Downcall::getpidWrapper);
        time(jit, perCall, "getpid, critical(false) handle", Downcall::getpidCritical);
        time(jit, perCall, "getpid, errno captured", Downcall::getpidErrno);
        time(jit, perPair, "generated wrappers", Downcall::generated);
        time(jit, perPair, "kit calls, errno captured", Downcall::kit);
        time(jit, perPair, "kit-shaped calls, errno not captured", Downcall::kitNoErrno);
        time(jit, perPair, "buffer as long, errno not captured", Downcall::asLong);
        time(jit, perPair, "buffer as long, errno captured", Downcall::asLongErrno);

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long b = threads.getCurrentThreadAllocatedBytes();
        generated();
        reportBytes("generated wrappers", threads.getCurrentThreadAllocatedBytes() - b);
        b = threads.getCurrentThreadAllocatedBytes();
        kit();
        reportBytes("kit calls, errno captured", threads.getCurrentThreadAllocatedBytes() - b);
        return 0;
    }

    interface Loop {
        void run() throws Throwable;
    }

    /** Times one loop of n calls (after an untimed one in the JIT profile) and prints the line. */
    static void time(boolean warmFirst, String unit, String what, Loop loop) throws Throwable {
        if (warmFirst) loop.run();
        long start = System.nanoTime();
        loop.run();
        System.out.println(Bench.line("downcall", (System.nanoTime() - start) / (double) n, unit, what));
    }

    static void emptyLoop() {
        for (int i = 0; i < n; i++) sink += i;
    }

    static void getpidHandle() throws Throwable {
        for (int i = 0; i < n; i++) sink += (int) GETPID.invokeExact();
    }

    static void getpidWrapper() {
        for (int i = 0; i < n; i++) sink += posix_h.getpid();
    }

    static void getpidCritical() throws Throwable {
        for (int i = 0; i < n; i++) sink += (int) GETPID_CRITICAL.invokeExact();
    }

    static void getpidErrno() throws Throwable {
        MemorySegment state = Errno.state();
        for (int i = 0; i < n; i++) sink += (int) GETPID_ERRNO.invokeExact(state);
    }

    static void generated() {
        for (int i = 0; i < n; i++) sink += posix_h.write(wfd, c, 1) + posix_h.read(rfd, c, 1);
    }

    static void kit() {
        for (int i = 0; i < n; i++) sink += Unistd.write(wfd, c, 1) + Unistd.read(rfd, c, 1);
    }

    static void kitNoErrno() {
        for (int i = 0; i < n; i++) sink += write(wfd, c, 1) + read(rfd, c, 1);
    }

    static void asLong() throws Throwable {
        long a = c.address();
        for (int i = 0; i < n; i++)
            sink += (long) WRITE_LONG.invokeExact(wfd, a, 1L) + (long) READ_LONG.invokeExact(rfd, a, 1L);
    }

    static void asLongErrno() throws Throwable {
        long a = c.address();
        for (int i = 0; i < n; i++)
            sink += (long) WRITE_LONG_ERRNO.invokeExact(Errno.state(), wfd, a, 1L)
                    + (long) READ_LONG_ERRNO.invokeExact(Errno.state(), rfd, a, 1L);
    }

    /** Unistd.write's shape (count checked against the buffer, int result) without errno. */
    static int write(int fd, MemorySegment buf, long count) {
        MemoryCheck.count("write", fd, buf, count, MemoryCheck.Copy.OUT_OF);
        try {
            return (int) (long) WRITE.invokeExact(fd, buf, count);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int read(int fd, MemorySegment buf, long count) {
        MemoryCheck.count("read", fd, buf, count, MemoryCheck.Copy.INTO);
        try {
            return (int) (long) READ.invokeExact(fd, buf, count);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void reportBytes(String what, long bytes) {
        System.out.println(Bench.line("downcall", bytes / (double) n, "bytes allocated per write+read pair", what));
    }
}
