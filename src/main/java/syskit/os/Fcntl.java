package syskit.os;

import static syskit.posix.posix_h.C_INT;
import static syskit.posix.posix_h.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * fcntl.h, named as in C: open and fcntl. Both are variadic in C ({@code open(path, flags, ...)}
 * takes a mode only with O_CREAT; {@code fcntl(fd, cmd, ...)} an int argument for F_SETFL and
 * F_SETOWN), so each has one handle per shape, with the "..." part passed as C passes it.
 */
public final class Fcntl {
    public static final int O_RDONLY = posix_h.O_RDONLY();
    public static final int O_WRONLY = posix_h.O_WRONLY();
    public static final int O_RDWR = posix_h.O_RDWR();
    public static final int O_CREAT = posix_h.O_CREAT();
    public static final int O_TRUNC = posix_h.O_TRUNC();
    public static final int O_APPEND = posix_h.O_APPEND();
    public static final int O_NONBLOCK = posix_h.O_NONBLOCK();
    public static final int F_GETFL = posix_h.F_GETFL();
    public static final int F_SETFL = posix_h.F_SETFL();
    public static final int F_GETOWN = posix_h.F_GETOWN();
    public static final int F_SETOWN = posix_h.F_SETOWN();

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class OPEN {
        static final MethodHandle H = Errno.capturing(posix_h.open.address(), FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    }
    private static final class OPEN_MODE {
        static final MethodHandle H = Errno.capturingVariadic(posix_h.open.address(), FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT), 2);
    }
    private static final class FCNTL {
        static final MethodHandle H = Errno.capturing(posix_h.fcntl.address(), FunctionDescriptor.of(C_INT, C_INT, C_INT));
    }
    private static final class FCNTL_INT {
        static final MethodHandle H = Errno.capturingVariadic(posix_h.fcntl.address(), FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), 2);
    }

    private Fcntl() {}

    /**
     * open(2) without a mode. With O_CREAT, C's open then takes whatever the mode register
     * holds as the new file's permissions; the kit passes 0 for it, so the result is the same
     * on every run: a file nobody may read or write (root still can). Give a mode instead.
     */
    public static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            if ((flags & O_CREAT) != 0) return (int) OPEN_MODE.H.invokeExact(Errno.state(), arena.allocateFrom(path), flags, 0);
            return (int) OPEN.H.invokeExact(Errno.state(), arena.allocateFrom(path), flags);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** open(2) with the mode of a file it creates (e.g. 0644), before the umask. */
    public static int open(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) OPEN_MODE.H.invokeExact(Errno.state(), arena.allocateFrom(path), flags, mode);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fcntl(2) with no argument: F_GETFL, F_GETOWN. */
    public static int fcntl(int fd, int cmd) {
        try {
            return (int) FCNTL.H.invokeExact(Errno.state(), fd, cmd);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fcntl(2) with an int argument: F_SETFL, F_SETOWN. */
    public static int fcntl(int fd, int cmd, int arg) {
        try {
            return (int) FCNTL_INT.H.invokeExact(Errno.state(), fd, cmd, arg);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
