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
 * errno, strerror and perror, as in C: one errno per thread.
 *
 * jextract cannot bind errno (a macro over a thread-local), so every system call the kit makes
 * goes through a handle built here from the generated function's address and descriptor, with
 * {@code captureCallState("errno")}: the JVM copies the thread's errno into the segment passed
 * as the first argument right after the call, before any Java code can overwrite it. Each
 * thread has its own segment ({@link #state()}), so that segment is that thread's errno, as C's
 * errno is a per-thread variable.
 *
 * <p>The calls that report failure through errno capture it: every system call, and the library
 * calls a listing checks (malloc, the sem_* calls, usleep, inet_pton, fileno, the stdio calls).
 * These do not, because they set none a listing could read: sleep and alarm (they cannot fail),
 * the pthread_* calls (they return the error number itself), inet_addr, inet_ntoa, atoi, and the
 * sigset calls the kit makes on its own signal sets.
 */
public final class Errno {
    /** The errno values the listings test for. */
    public static final int EINTR = posix_h.EINTR();
    public static final int EAGAIN = posix_h.EAGAIN();

    private static final StructLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_FIELD =
            STATE_LAYOUT.varHandle(PathElement.groupElement("errno"));

    /** The thread that loaded the kit (the listing's) and its segment: the common case, without a ThreadLocal lookup. */
    private static final Thread MAIN = Thread.currentThread();
    private static final MemorySegment MAIN_STATE = Arena.global().allocate(STATE_LAYOUT);
    private static final ThreadLocal<MemorySegment> STATES =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(STATE_LAYOUT));


    private Errno() {}

    /** A downcall handle whose first parameter is the calling thread's capture segment, {@link #state()}. */
    public static MethodHandle capturing(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /**
     * The same for a variadic C function ({@code open}, {@code fcntl}): descriptor names every
     * argument of the call, and the arguments from firstVariadic on are passed as C's "..." are.
     */
    public static MethodHandle capturingVariadic(MemorySegment address, FunctionDescriptor descriptor, int firstVariadic) {
        return Linker.nativeLinker().downcallHandle(address, descriptor,
                Linker.Option.firstVariadicArg(firstVariadic), Linker.Option.captureCallState("errno"));
    }

    /** Where the calling thread's captured errno lands: pass it as the first argument of a {@link #capturing} handle. */
    public static MemorySegment state() {
        return Thread.currentThread() == MAIN ? MAIN_STATE : STATES.get();
    }

    /** The calling thread's errno: what the last kit call made on this thread left there. */
    public static int errno() {
        return (int) ERRNO_FIELD.get(state(), 0L);
    }

    /** Sets errno the way a kit wrapper that fails without a system call must (EINTR after a handler). */
    static int fail(int error) {
        ERRNO_FIELD.set(state(), 0L, error);
        return -1;
    }

    public static String strerror(int errnum) {
        return posix_h.strerror(errnum).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Prints {@code s: <strerror(errno)>} to stderr, like perror(3). */
    public static void perror(String s) {
        System.err.println(s + ": " + strerror(errno()));
        System.err.flush();
    }

    /** A downcall handle never throws a checked exception; this keeps the wrappers short. */
    static AssertionError unreachable(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        return new AssertionError(t);
    }
}
