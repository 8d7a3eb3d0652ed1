package syskit.os;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import syskit.posix.epoll_event;
import syskit.posix.posix_h;

/**
 * sys/epoll.h, named as in C. An event is the generated {@link epoll_event}: 12 bytes, packed on
 * x86-64 as in glibc ({@code events} at offset 0, the {@code data} union at 4), so
 * {@code epoll_event.allocateArray(EPOLL_SIZE, arena)} is C's {@code malloc(sizeof(struct
 * epoll_event) * EPOLL_SIZE)} and {@link #data_fd} reads C's {@code ep_events[i].data.fd}.
 * Each call captures errno.
 */
public final class Epoll {
    public static final int EPOLLIN = posix_h.EPOLLIN();
    public static final int EPOLLOUT = posix_h.EPOLLOUT();
    public static final int EPOLLERR = posix_h.EPOLLERR();
    public static final int EPOLLHUP = posix_h.EPOLLHUP();
    public static final int EPOLLRDHUP = posix_h.EPOLLRDHUP();
    public static final int EPOLLET = posix_h.EPOLLET();
    public static final int EPOLL_CTL_ADD = posix_h.EPOLL_CTL_ADD();
    public static final int EPOLL_CTL_DEL = posix_h.EPOLL_CTL_DEL();
    public static final int EPOLL_CTL_MOD = posix_h.EPOLL_CTL_MOD();

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class EPOLL_CREATE {
        static final MethodHandle H = Errno.capturing(posix_h.epoll_create$address(), posix_h.epoll_create$descriptor());
    }
    private static final class EPOLL_CTL {
        static final MethodHandle H = Errno.capturing(posix_h.epoll_ctl$address(), posix_h.epoll_ctl$descriptor());
    }
    private static final class EPOLL_WAIT {
        static final MethodHandle H = Errno.capturing(posix_h.epoll_wait$address(), posix_h.epoll_wait$descriptor());
    }

    private Epoll() {}

    /** epoll_create(2): a new epoll instance's descriptor; size is only a hint (it must be positive). */
    public static int epoll_create(int size) {
        try {
            return (int) EPOLL_CREATE.H.invokeExact(Errno.state(), size);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** epoll_ctl(2): ADD, MOD or DEL fd; event may be {@code MemorySegment.NULL} for DEL, as in C. */
    public static int epoll_ctl(int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.H.invokeExact(Errno.state(), epfd, op, fd, event);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * epoll_wait(2): fills up to maxevents entries of events, an array of epoll_event; returns
     * how many, 0 on timeout, -1 on error. Refuses a maxevents larger than the array, as the kit's
     * read refuses a count larger than its buffer.
     */
    public static int epoll_wait(int epfd, MemorySegment events, int maxevents, int timeout) {
        if (maxevents > events.byteSize() / epoll_event.sizeof() && !events.equals(MemorySegment.NULL))
            throw MemoryCheck.overrun("epoll_wait(" + epfd + ", events, " + maxevents + ", ...)", "maxevents " + maxevents
                    + " is larger than the array (" + events.byteSize() / epoll_event.sizeof() + " events)", MemoryCheck.Copy.INTO);
        try {
            return (int) EPOLL_WAIT.H.invokeExact(Errno.state(), epfd, events, maxevents, timeout);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** {@code ep_events[i]}: entry i of an epoll_event array. */
    public static MemorySegment at(MemorySegment ep_events, int i) {
        return epoll_event.asSlice(ep_events, i);
    }

    /** C's {@code ev.events}. */
    public static int events(MemorySegment ev) {
        return epoll_event.events(ev);
    }

    /** C's {@code ev.data.fd}. */
    public static int data_fd(MemorySegment ev) {
        return syskit.posix.epoll_data.fd(epoll_event.data(ev));
    }

    /** C's {@code ev.events = events; ev.data.fd = fd;}. */
    public static void set(MemorySegment ev, int events, int fd) {
        epoll_event.events(ev, events);
        syskit.posix.epoll_data.fd(epoll_event.data(ev), fd);
    }
}
