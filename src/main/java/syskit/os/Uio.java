package syskit.os;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import syskit.posix.iovec;
import syskit.posix.posix_h;

/**
 * sys/uio.h, named as in C: readv and writev over an array of the generated
 * {@code syskit.posix.iovec}, filled as in C:
 * <pre>
 * MemorySegment vec = iovec.allocateArray(2, arena);
 * iovec.iov_base(iovec.asSlice(vec, 0), buf1);
 * iovec.iov_len(iovec.asSlice(vec, 0), 3);
 * </pre>
 * Each call checks that the array holds iovcnt entries (an iov_base is a bare address, whose
 * buffer's length the kit cannot know: set iov_len as carefully as in C). readv and writev wait
 * like {@link Unistd#read} and {@link Unistd#write} when a handler is installed.
 */
public final class Uio {


    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class READV { static final MethodHandle H = Errno.capturing(posix_h.readv$address(), posix_h.readv$descriptor()); }
    private static final class WRITEV { static final MethodHandle H = Errno.capturing(posix_h.writev$address(), posix_h.writev$descriptor()); }

    private Uio() {}

    /** readv(2): fills the buffers in order; the bytes read in all, 0 at end of file, or -1. */
    public static int readv(int fd, MemorySegment iov, int iovcnt) {
        check("readv", fd, iov, iovcnt);
        if (SignalLoop.active() && SignalLoop.awaitReady(fd, SignalLoop.POLLIN) == -1) return -1;
        try {
            return (int) (long) READV.H.invokeExact(Errno.state(), fd, iov, iovcnt);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** writev(2): writes the buffers in order as one write; the bytes written, or -1. */
    public static int writev(int fd, MemorySegment iov, int iovcnt) {
        check("writev", fd, iov, iovcnt);
        if (SignalLoop.active() && SignalLoop.awaitReady(fd, SignalLoop.POLLOUT) == -1) return -1;
        try {
            return (int) (long) WRITEV.H.invokeExact(Errno.state(), fd, iov, iovcnt);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * iovcnt entries must fit the array, as a count must fit its buffer (see {@link MemoryCheck}).
     * An iov_base read back from the struct is a bare address: its length is not known, so only
     * the array is checked, not each buffer.
     */
    private static void check(String call, int fd, MemorySegment iov, int iovcnt) {
        if (iovcnt < 0 || (long) iovcnt * iovec.sizeof() > iov.byteSize()) {
            throw MemoryCheck.overrun(call + "(" + fd + ", iov, " + iovcnt + ")", "iovcnt " + iovcnt + " is more than the "
                    + iov.byteSize() / iovec.sizeof() + " entries of iov", MemoryCheck.Copy.OUT_OF);
        }
    }
}
