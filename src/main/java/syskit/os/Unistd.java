package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * unistd.h, named as in C. Each call goes to the generated binding's function with errno
 * captured; read, write and sleep also let a pending signal's handler run (see {@link SignalLoop}).
 * Byte counts come back as int: a listing's {@code str_len = read(...)} stays one line.
 */
public final class Unistd {
    public static final int STDIN_FILENO = posix_h.STDIN_FILENO();
    public static final int STDOUT_FILENO = posix_h.STDOUT_FILENO();

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class PIPE { static final MethodHandle H = Errno.capturing(posix_h.pipe$address(), posix_h.pipe$descriptor()); }
    private static final class USLEEP { static final MethodHandle H = Errno.capturing(posix_h.usleep$address(), posix_h.usleep$descriptor()); }
    private static final class DUP { static final MethodHandle H = Errno.capturing(posix_h.dup$address(), posix_h.dup$descriptor()); }
    private static final class DUP2 { static final MethodHandle H = Errno.capturing(posix_h.dup2$address(), posix_h.dup2$descriptor()); }

    private Unistd() {}

    /** pipe(2): fds[0] is the read end, fds[1] the write end. */
    public static int pipe(int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(ValueLayout.JAVA_INT, 2);
            int r = (int) PIPE.H.invokeExact(Errno.state(), pair);
            if (r == 0) {
                fds[0] = pair.getAtIndex(ValueLayout.JAVA_INT, 0);
                fds[1] = pair.getAtIndex(ValueLayout.JAVA_INT, 1);
            }
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fork(2), made safe for a JVM: see {@link ForkSafety}. */
    public static int fork() {
        return ForkSafety.fork();
    }

    public static int read(int fd, MemorySegment buf, long count) {
        MemoryCheck.count("read", fd, buf, count, MemoryCheck.Copy.INTO);
        if (SignalLoop.active()) return SignalLoop.read(fd, buf, count);
        return Syscall.read(fd, buf, count);
    }

    public static int write(int fd, MemorySegment buf, long count) {
        MemoryCheck.count("write", fd, buf, count, MemoryCheck.Copy.OUT_OF);
        if (SignalLoop.active() && SignalLoop.awaitReady(fd, SignalLoop.POLLOUT) == -1) return -1;
        return Syscall.write(fd, buf, count);
    }

    public static int close(int fd) {
        return Syscall.close(fd);
    }

    /** dup(2): the lowest free descriptor, now a second name for fd's open file; -1 on error. */
    public static int dup(int fd) {
        try {
            return (int) DUP.H.invokeExact(Errno.state(), fd);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** dup2(2): makes fd2 a second name for fd's open file (closing fd2 first if open); fd2, or -1. */
    public static int dup2(int fd, int fd2) {
        try {
            return (int) DUP2.H.invokeExact(Errno.state(), fd, fd2);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** sleep(3): returns the seconds left when a caught signal cut it short, else 0. */
    public static int sleep(int seconds) {
        if (SignalLoop.active()) return SignalLoop.sleep(seconds);
        System.out.flush();
        return posix_h.sleep(seconds);
    }

    /** usleep(3): sleeps that many microseconds; it does not run handlers (the kit's own programs use it between signals). */
    public static int usleep(int usec) {
        System.out.flush();
        try {
            return (int) USLEEP.H.invokeExact(Errno.state(), usec);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** alarm(2): SIGALRM in that many seconds; 0 cancels. Returns the seconds left of the previous one. */
    public static int alarm(int seconds) {
        return posix_h.alarm(seconds);
    }

    /** pause(2): waits for a caught signal; always -1 with EINTR. */
    public static int pause() {
        return SignalLoop.pause();
    }

    /**
     * _exit(2): ends the process at once. As in C, nothing buffered is flushed: Java's System.out
     * buffers like stdio, so call System.out.flush() first, or use {@link Stdlib#exit}.
     */
    public static void _exit(int status) {
        posix_h._exit(status);
    }

    public static int getpid() {
        return posix_h.getpid();
    }

    public static int getppid() {
        return posix_h.getppid();
    }
}
