package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import syskit.posix.posix_h;

/**
 * errno, strerror and perror, as in C.
 *
 * jextract cannot bind errno (a macro over a thread-local), so every system call the kit
 * makes goes through a handle built here from the generated function's address and
 * descriptor, with {@code captureCallState("errno")}: the JVM copies errno into {@link #STATE}
 * right after the call, before any Java code can overwrite it.
 */
public final class Errno {
    private static final StructLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_FIELD =
            STATE_LAYOUT.varHandle(PathElement.groupElement("errno"));

    /** Where captured errno lands. The kit is single-threaded, so one segment for the whole process. */
    public static final MemorySegment STATE = Arena.global().allocate(STATE_LAYOUT);

    private static int errno;

    private Errno() {}

    /** A downcall handle whose first parameter is the capture segment {@link #STATE}. */
    public static MethodHandle capturing(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /** The errno of the last kit call that failed. */
    public static int errno() {
        return errno;
    }

    /** Records errno when a call returned -1; returns the result unchanged. */
    public static int check(int result) {
        if (result == -1) errno = (int) ERRNO_FIELD.get(STATE, 0L);
        return result;
    }

    public static long check(long result) {
        if (result == -1) errno = (int) ERRNO_FIELD.get(STATE, 0L);
        return result;
    }

    /** Sets errno the way a kit wrapper that fails without a system call must (EINTR after a handler). */
    static int fail(int error) {
        errno = error;
        return -1;
    }

    public static String strerror(int errnum) {
        return posix_h.strerror(errnum).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Prints {@code s: <strerror(errno)>} to stderr, like perror(3). */
    public static void perror(String s) {
        System.err.println(s + ": " + strerror(errno));
        System.err.flush();
    }

    /** A downcall handle never throws a checked exception; this keeps the wrappers short. */
    static AssertionError unreachable(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        return new AssertionError(t);
    }
}
