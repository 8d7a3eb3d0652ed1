package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * sys/socket.h, named as in C. A socket address is a {@code struct sockaddr_in} segment (see
 * {@link Inet}); where C passes {@code socklen_t *}, the kit takes an {@code int[1]}, as
 * {@link Wait#waitpid} takes the status. accept waits like {@link Unistd#read}: with a handler
 * installed it returns -1 with EINTR once that handler has run (see {@link Signal}).
 */
public final class Socket {
    public static final int PF_INET = posix_h.PF_INET();
    public static final int AF_INET = posix_h.AF_INET();
    public static final int SOCK_STREAM = posix_h.SOCK_STREAM();
    public static final int SHUT_RD = posix_h.SHUT_RD();
    public static final int SHUT_WR = posix_h.SHUT_WR();
    public static final int SHUT_RDWR = posix_h.SHUT_RDWR();
    public static final int SOL_SOCKET = posix_h.SOL_SOCKET();
    public static final int SO_REUSEADDR = posix_h.SO_REUSEADDR();
    public static final int SOMAXCONN = posix_h.SOMAXCONN();

    private static final MethodHandle SOCKET = Errno.capturing(posix_h.socket$address(), posix_h.socket$descriptor());
    private static final MethodHandle BIND = Errno.capturing(posix_h.bind$address(), posix_h.bind$descriptor());
    private static final MethodHandle LISTEN = Errno.capturing(posix_h.listen$address(), posix_h.listen$descriptor());
    private static final MethodHandle ACCEPT = Errno.capturing(posix_h.accept$address(), posix_h.accept$descriptor());
    private static final MethodHandle CONNECT = Errno.capturing(posix_h.connect$address(), posix_h.connect$descriptor());
    private static final MethodHandle SHUTDOWN = Errno.capturing(posix_h.shutdown$address(), posix_h.shutdown$descriptor());
    private static final MethodHandle SETSOCKOPT = Errno.capturing(posix_h.setsockopt$address(), posix_h.setsockopt$descriptor());
    private static final MethodHandle GETSOCKNAME = Errno.capturing(posix_h.getsockname$address(), posix_h.getsockname$descriptor());

    private Socket() {}

    public static int socket(int domain, int type, int protocol) {
        try {
            return Errno.check((int) SOCKET.invokeExact(Errno.STATE, domain, type, protocol));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int bind(int sockfd, MemorySegment addr, int addrlen) {
        try {
            return Errno.check((int) BIND.invokeExact(Errno.STATE, sockfd, addr, addrlen));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int listen(int sockfd, int backlog) {
        try {
            return Errno.check((int) LISTEN.invokeExact(Errno.STATE, sockfd, backlog));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * accept(2). addr may be {@code MemorySegment.NULL} and addrlen null, as in C. With a handler
     * installed, the wait watches the signalfd too: a caught signal runs its handler here and
     * accept returns -1 with EINTR (or goes on waiting under SA_RESTART).
     */
    public static int accept(int sockfd, MemorySegment addr, int[] addrlen) {
        if (Signal.active() && Signal.awaitReady(sockfd, Signal.POLLIN) == -1) return -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = addrlen == null ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = Errno.check((int) ACCEPT.invokeExact(Errno.STATE, sockfd, addr, len));
            if (r >= 0 && addrlen != null) addrlen[0] = len.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * connect(2). It does not watch the signalfd: a connection over loopback is made or refused
     * at once, and waiting for one with poll would need a non-blocking socket the listings never use.
     */
    public static int connect(int sockfd, MemorySegment addr, int addrlen) {
        try {
            return Errno.check((int) CONNECT.invokeExact(Errno.STATE, sockfd, addr, addrlen));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int shutdown(int sockfd, int how) {
        try {
            return Errno.check((int) SHUTDOWN.invokeExact(Errno.STATE, sockfd, how));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** setsockopt(2); optval points at optlen bytes, e.g. {@code arena.allocateFrom(JAVA_INT, 1)}. */
    public static int setsockopt(int sockfd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return Errno.check((int) SETSOCKOPT.invokeExact(Errno.STATE, sockfd, level, optname, optval, optlen));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int getsockname(int sockfd, MemorySegment addr, int[] addrlen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = Errno.check((int) GETSOCKNAME.invokeExact(Errno.STATE, sockfd, addr, len));
            if (r == 0) addrlen[0] = len.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
