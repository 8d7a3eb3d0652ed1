package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * The bare calls, errno captured and nothing else: no overrun check, no signal loop. The public
 * classes (Unistd, Socket, Wait) and the loop that runs handlers ({@link SignalLoop}) both stand
 * on these, so neither needs the other to make a call.
 */
final class Syscall {
    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class READ { static final MethodHandle H = Errno.capturing(posix_h.read$address(), posix_h.read$descriptor()); }
    private static final class WRITE { static final MethodHandle H = Errno.capturing(posix_h.write$address(), posix_h.write$descriptor()); }
    private static final class CLOSE { static final MethodHandle H = Errno.capturing(posix_h.close$address(), posix_h.close$descriptor()); }
    private static final class RECV { static final MethodHandle H = Errno.capturing(posix_h.recv$address(), posix_h.recv$descriptor()); }
    private static final class WAITPID { static final MethodHandle H = Errno.capturing(posix_h.waitpid$address(), posix_h.waitpid$descriptor()); }

    /** Where waitpid(2) writes the status: one int per thread, not an arena per call. */
    private static final ThreadLocal<MemorySegment> STATUS =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(ValueLayout.JAVA_INT));

    private Syscall() {}

    static int read(int fd, MemorySegment buf, long count) {
        try {
            return (int) (long) READ.H.invokeExact(Errno.state(), fd, buf, count);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    static int write(int fd, MemorySegment buf, long count) {
        try {
            return (int) (long) WRITE.H.invokeExact(Errno.state(), fd, buf, count);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    static int close(int fd) {
        try {
            return (int) CLOSE.H.invokeExact(Errno.state(), fd);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    static int recv(int sockfd, MemorySegment buf, long len, int flags) {
        try {
            return (int) (long) RECV.H.invokeExact(Errno.state(), sockfd, buf, len, flags);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    static int waitpid(int pid, int[] status, int options) {
        try {
            MemorySegment where = STATUS.get();
            int r = (int) WAITPID.H.invokeExact(Errno.state(), pid, where, options);
            if (r > 0 && status != null) status[0] = where.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
