package syskit.os;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.fd_set;
import syskit.posix.posix_h;

/**
 * sys/select.h, named as in C: select and the four fd_set macros, which jextract cannot bind
 * (they are macros). An {@code fd_set} is the generated {@code syskit.posix.fd_set}, 1024 bits
 * in 16 longs ({@code __fds_bits}); descriptor fd is bit {@code fd % 64} of long {@code fd / 64},
 * as glibc's macros have it. {@code temps = reads} in C is {@code temps.copyFrom(reads)} here.
 *
 * <p>select does not watch the kit's signalfd: with a handler installed (see {@link Signal}), a
 * caught signal does not cut select short with EINTR as in C; its handler runs when the listing
 * next waits in read, write, accept, recv or sleep. None of the book's select listings installs
 * a handler.
 */
public final class Select {
    public static final int FD_SETSIZE = posix_h.FD_SETSIZE();
    private static final int NFDBITS = 64;



    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class SELECT { static final MethodHandle H = Errno.capturing(posix_h.select$address(), posix_h.select$descriptor()); }

    private Select() {}

    /**
     * select(2). readfds, writefds, exceptfds may be NULL ({@code MemorySegment.NULL}), as C's 0;
     * timeout is a {@code struct timeval} or NULL (wait for ever). Linux writes the time left
     * into timeout, so a loop sets it again before every call, as the book's listings do.
     */
    public static int select(int nfds, MemorySegment readfds, MemorySegment writefds, MemorySegment exceptfds,
                             MemorySegment timeout) {
        System.out.flush();   // as a C program's output reaches a terminal before it waits
        try {
            return (int) SELECT.H.invokeExact(Errno.state(), nfds, readfds, writefds, exceptfds, timeout);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** FD_ZERO(set): no descriptor in the set. */
    public static void FD_ZERO(MemorySegment set) {
        set.asSlice(0, fd_set.sizeof()).fill((byte) 0);
    }

    /** FD_SET(fd, set): adds fd. */
    public static void FD_SET(int fd, MemorySegment set) {
        long i = index("FD_SET", fd);
        set.set(ValueLayout.JAVA_LONG, i, set.get(ValueLayout.JAVA_LONG, i) | mask(fd));
    }

    /** FD_CLR(fd, set): removes fd. */
    public static void FD_CLR(int fd, MemorySegment set) {
        long i = index("FD_CLR", fd);
        set.set(ValueLayout.JAVA_LONG, i, set.get(ValueLayout.JAVA_LONG, i) & ~mask(fd));
    }

    /** FD_ISSET(fd, set): non-zero (1) when fd is in the set. */
    public static int FD_ISSET(int fd, MemorySegment set) {
        return (set.get(ValueLayout.JAVA_LONG, index("FD_ISSET", fd)) & mask(fd)) != 0 ? 1 : 0;
    }

    private static long mask(int fd) {
        return 1L << (fd % NFDBITS);
    }

    /**
     * The byte offset of fd's long. C's macros do not check fd: a descriptor of 1024 or more
     * (or a negative one) writes outside the fd_set. The kit refuses it in one line instead.
     */
    private static long index(String macro, int fd) {
        if (fd < 0 || fd >= FD_SETSIZE) {
            throw MemoryCheck.overrun(macro + "(" + fd + ", set)", "descriptor " + fd + " is outside an fd_set (0 to "
                    + (FD_SETSIZE - 1) + ")", macro.equals("FD_ISSET") ? MemoryCheck.Copy.OUT_OF : MemoryCheck.Copy.INTO);
        }
        return (long) (fd / NFDBITS) * Long.BYTES;
    }
}
