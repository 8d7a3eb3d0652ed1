package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * sys/wait.h: wait, waitpid and the status macros jextract cannot generate (they are
 * function-like macros). The status is an {@code int[1]}, as {@code int status; ... &status} in C.
 */
public final class Wait {
    public static final int WNOHANG = posix_h.WNOHANG();


    /** Where waitpid(2) writes the status for the listing's thread: one int, no arena per call (other threads get their own). */
    private static final MemorySegment STATUS = Arena.global().allocate(ValueLayout.JAVA_INT);

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class WAITPID {
        static final MethodHandle H = Errno.capturing(posix_h.waitpid$address(), posix_h.waitpid$descriptor());
    }

    private Wait() {}

    public static boolean WIFEXITED(int status)   { return (status & 0x7f) == 0; }
    public static int     WEXITSTATUS(int status) { return (status >> 8) & 0xff; }
    public static boolean WIFSIGNALED(int status) { return ((byte) ((status & 0x7f) + 1) >> 1) > 0; }
    public static int     WTERMSIG(int status)    { return status & 0x7f; }

    /** waitpid(2). Blocking calls return -1 with EINTR when a signal handler ran while they waited. */
    public static int waitpid(int pid, int[] status, int options) {
        if ((options & WNOHANG) == 0 && SignalLoop.active()) {
            return SignalLoop.waitpid(pid, status, options);
        }
        return rawWaitpid(pid, status, options);
    }

    public static int wait(int[] status) {
        return waitpid(-1, status, 0);
    }

    static int rawWaitpid(int pid, int[] status, int options) {
        try {
            MemorySegment where = ForkSafety.onListingThread() ? STATUS : Arena.ofAuto().allocate(ValueLayout.JAVA_INT);
            int r = (int) WAITPID.H.invokeExact(Errno.state(), pid, where, options);
            if (r > 0 && status != null) status[0] = where.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
