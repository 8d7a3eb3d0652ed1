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
    public static final int SOCK_DGRAM = posix_h.SOCK_DGRAM();
    public static final int IPPROTO_TCP = posix_h.IPPROTO_TCP();
    public static final int IPPROTO_UDP = posix_h.IPPROTO_UDP();
    public static final int IPPROTO_IP = posix_h.IPPROTO_IP();
    public static final int SO_TYPE = posix_h.SO_TYPE();
    public static final int SO_SNDBUF = posix_h.SO_SNDBUF();
    public static final int SO_RCVBUF = posix_h.SO_RCVBUF();
    public static final int SO_BROADCAST = posix_h.SO_BROADCAST();
    public static final int SO_KEEPALIVE = posix_h.SO_KEEPALIVE();
    public static final int TCP_NODELAY = posix_h.TCP_NODELAY();
    public static final int IP_MULTICAST_TTL = posix_h.IP_MULTICAST_TTL();
    public static final int IP_MULTICAST_LOOP = posix_h.IP_MULTICAST_LOOP();
    public static final int IP_ADD_MEMBERSHIP = posix_h.IP_ADD_MEMBERSHIP();
    public static final int MSG_OOB = posix_h.MSG_OOB();
    public static final int MSG_PEEK = posix_h.MSG_PEEK();
    public static final int MSG_DONTWAIT = posix_h.MSG_DONTWAIT();
    public static final int MSG_WAITALL = posix_h.MSG_WAITALL();

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads, so a client that only
    // connects never pays for accept or recvfrom.
    private static final class SOCKET { static final MethodHandle H = Errno.capturing(posix_h.socket$address(), posix_h.socket$descriptor()); }
    private static final class BIND { static final MethodHandle H = Errno.capturing(posix_h.bind$address(), posix_h.bind$descriptor()); }
    private static final class LISTEN { static final MethodHandle H = Errno.capturing(posix_h.listen$address(), posix_h.listen$descriptor()); }
    private static final class ACCEPT { static final MethodHandle H = Errno.capturing(posix_h.accept$address(), posix_h.accept$descriptor()); }
    private static final class CONNECT { static final MethodHandle H = Errno.capturing(posix_h.connect$address(), posix_h.connect$descriptor()); }
    private static final class SHUTDOWN { static final MethodHandle H = Errno.capturing(posix_h.shutdown$address(), posix_h.shutdown$descriptor()); }
    private static final class SETSOCKOPT { static final MethodHandle H = Errno.capturing(posix_h.setsockopt$address(), posix_h.setsockopt$descriptor()); }
    private static final class SEND { static final MethodHandle H = Errno.capturing(posix_h.send$address(), posix_h.send$descriptor()); }
    private static final class SENDTO { static final MethodHandle H = Errno.capturing(posix_h.sendto$address(), posix_h.sendto$descriptor()); }
    private static final class RECVFROM { static final MethodHandle H = Errno.capturing(posix_h.recvfrom$address(), posix_h.recvfrom$descriptor()); }
    private static final class GETSOCKOPT { static final MethodHandle H = Errno.capturing(posix_h.getsockopt$address(), posix_h.getsockopt$descriptor()); }
    private static final class GETPEERNAME { static final MethodHandle H = Errno.capturing(posix_h.getpeername$address(), posix_h.getpeername$descriptor()); }
    private static final class GETSOCKNAME { static final MethodHandle H = Errno.capturing(posix_h.getsockname$address(), posix_h.getsockname$descriptor()); }

    private Socket() {}

    public static int socket(int domain, int type, int protocol) {
        try {
            return (int) SOCKET.H.invokeExact(Errno.state(), domain, type, protocol);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int bind(int sockfd, MemorySegment addr, int addrlen) {
        try {
            return (int) BIND.H.invokeExact(Errno.state(), sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int listen(int sockfd, int backlog) {
        try {
            return (int) LISTEN.H.invokeExact(Errno.state(), sockfd, backlog);
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
        if (SignalLoop.active() && SignalLoop.awaitReady(sockfd, SignalLoop.POLLIN) == -1) return -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = addrlen == null ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = (int) ACCEPT.H.invokeExact(Errno.state(), sockfd, addr, len);
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
            return (int) CONNECT.H.invokeExact(Errno.state(), sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int shutdown(int sockfd, int how) {
        try {
            return (int) SHUTDOWN.H.invokeExact(Errno.state(), sockfd, how);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** setsockopt(2); optval points at optlen bytes, e.g. {@code arena.allocateFrom(JAVA_INT, 1)}. */
    public static int setsockopt(int sockfd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) SETSOCKOPT.H.invokeExact(Errno.state(), sockfd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int getsockname(int sockfd, MemorySegment addr, int[] addrlen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = (int) GETSOCKNAME.H.invokeExact(Errno.state(), sockfd, addr, len);
            if (r == 0) addrlen[0] = len.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** send(2). With a handler installed it waits like {@link Unistd#write}. */
    public static int send(int sockfd, MemorySegment buf, long len, int flags) {
        MemoryCheck.count("send", sockfd, buf, len, MemoryCheck.Copy.OUT_OF);
        if ((flags & MSG_DONTWAIT) == 0 && SignalLoop.active() && SignalLoop.awaitReady(sockfd, SignalLoop.POLLOUT) == -1) return -1;
        try {
            return (int) (long) SEND.H.invokeExact(Errno.state(), sockfd, buf, len, flags);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * recv(2). With a handler installed it waits like {@link Unistd#read} (not with MSG_DONTWAIT,
     * nor for MSG_OOB, which never waits: the urgent byte is there or recv fails at once).
     */
    public static int recv(int sockfd, MemorySegment buf, long len, int flags) {
        MemoryCheck.count("recv", sockfd, buf, len, MemoryCheck.Copy.INTO);
        if ((flags & (MSG_DONTWAIT | MSG_OOB)) == 0 && SignalLoop.active()) {
            return SignalLoop.recv(sockfd, () -> recv(sockfd, buf, len, flags | MSG_DONTWAIT));   // waits there, then does not block
        }
        return Syscall.recv(sockfd, buf, len, flags);
    }

    /** sendto(2): one datagram to dest_addr (a {@code struct sockaddr_in}), or over a connected socket with NULL. */
    public static int sendto(int sockfd, MemorySegment buf, long len, int flags, MemorySegment dest_addr, int addrlen) {
        MemoryCheck.count("sendto", sockfd, buf, len, MemoryCheck.Copy.OUT_OF);
        try {
            return (int) (long) SENDTO.H.invokeExact(Errno.state(), sockfd, buf, len, flags, dest_addr, addrlen);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * recvfrom(2): one datagram; src_addr gets its sender and addrlen[0] the sender's size
     * (src_addr may be NULL and addrlen null). Waits like {@link Unistd#read} with a handler installed.
     */
    public static int recvfrom(int sockfd, MemorySegment buf, long len, int flags, MemorySegment src_addr, int[] addrlen) {
        MemoryCheck.count("recvfrom", sockfd, buf, len, MemoryCheck.Copy.INTO);
        if ((flags & MSG_DONTWAIT) == 0 && SignalLoop.active()) {
            return SignalLoop.recv(sockfd, () -> recvfrom(sockfd, buf, len, flags | MSG_DONTWAIT, src_addr, addrlen));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment alen = addrlen == null ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = (int) (long) RECVFROM.H.invokeExact(Errno.state(), sockfd, buf, len, flags, src_addr, alen);
            if (r >= 0 && addrlen != null) addrlen[0] = alen.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** getsockopt(2): optval gets the option, optlen[0] its size (in: optval's size). */
    public static int getsockopt(int sockfd, int level, int optname, MemorySegment optval, int[] optlen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, optlen[0]);
            int r = (int) GETSOCKOPT.H.invokeExact(Errno.state(), sockfd, level, optname, optval, len);
            if (r == 0) optlen[0] = len.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int getpeername(int sockfd, MemorySegment addr, int[] addrlen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, addrlen[0]);
            int r = (int) GETPEERNAME.H.invokeExact(Errno.state(), sockfd, addr, len);
            if (r == 0) addrlen[0] = len.get(ValueLayout.JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
