package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import syskit.posix.posix_h;
import syskit.posix.pthread_create$__start_routine;

/**
 * pthread.h and semaphore.h, named as in C. Threads are real pthreads: {@link #pthread_create}
 * starts a native thread that runs a Java start routine through an FFM upcall, and the JVM
 * attaches it when it first enters Java.
 * <ul>
 * <li>{@code pthread_t *} is a {@code long[1]}; {@code void **retval} of pthread_join a
 *     {@code MemorySegment[1]}; a mutex or a semaphore is a segment allocated from an arena
 *     ({@code pthread_mutex_t.allocate(arena)}, {@code sem_t.allocate(arena)}) that outlives
 *     every thread using it.</li>
 * <li>A new thread starts with every catchable signal blocked: the listing's own thread stays
 *     the one that runs signal handlers (see {@link Signal}), and each thread has its own errno
 *     ({@link Errno#state()}).</li>
 * <li>An exception that escapes a start routine would crash the JVM inside the upcall; the kit
 *     reports it and ends the process with status 1, as a crash in one C thread ends them all.</li>
 * </ul>
 */
public final class Pthread {
    // errno-capturing handles for the semaphore calls, which report failure through errno.
    private static final class SEM_INIT { static final MethodHandle H = Errno.capturing(posix_h.sem_init$address(), posix_h.sem_init$descriptor()); }
    private static final class SEM_WAIT { static final MethodHandle H = Errno.capturing(posix_h.sem_wait$address(), posix_h.sem_wait$descriptor()); }
    private static final class SEM_POST { static final MethodHandle H = Errno.capturing(posix_h.sem_post$address(), posix_h.sem_post$descriptor()); }
    private static final class SEM_DESTROY { static final MethodHandle H = Errno.capturing(posix_h.sem_destroy$address(), posix_h.sem_destroy$descriptor()); }

    /** {@code void *(*start_routine)(void *)}. */
    @FunctionalInterface
    public interface StartRoutine {
        MemorySegment run(MemorySegment arg);
    }

    private record Start(StartRoutine routine, MemorySegment arg) {}

    /** The one upcall stub every thread enters through; its C argument is the key of its Start. */
    private static final MemorySegment TRAMPOLINE =
            pthread_create$__start_routine.allocate(Pthread::trampoline, Arena.global());
    private static final Map<Long, Start> STARTS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Pthread() {}

    /** pthread_create(3): 0, or an error number (not -1 and errno, as in C). attr may be NULL. */
    public static int pthread_create(long[] thread, MemorySegment attr, StartRoutine start_routine, MemorySegment arg) {
        long key = KEYS.incrementAndGet();
        STARTS.put(key, new Start(start_routine, arg));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment id = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment saved = SigMask.blockCatchableSaving(arena); // the new thread inherits this mask
            int r = posix_h.pthread_create(id, attr, TRAMPOLINE, MemorySegment.ofAddress(key));
            SigMask.restore(saved);
            if (r == 0) thread[0] = id.get(ValueLayout.JAVA_LONG, 0);
            else STARTS.remove(key);
            return r;
        }
    }

    private static MemorySegment trampoline(MemorySegment key) {
        Start start = STARTS.remove(key.address());
        try {
            return start.routine().run(start.arg());
        } catch (Throwable t) {
            System.out.flush();
            String overrun = MemoryCheck.describe(t);
            if (overrun != null) System.err.println("syskit: a thread: " + overrun);
            else {
                System.err.println("syskit: a thread ended with an uncaught exception:");
                t.printStackTrace();
            }
            Stdlib.exit(1);
            return MemorySegment.NULL;
        }
    }

    /** pthread_join(3): retval[0] gets what the start routine returned; retval may be null. */
    public static int pthread_join(long thread, MemorySegment[] retval) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = retval == null ? MemorySegment.NULL : arena.allocate(ValueLayout.ADDRESS);
            int r = posix_h.pthread_join(thread, out);
            if (r == 0 && retval != null) retval[0] = out.get(ValueLayout.ADDRESS, 0);
            return r;
        }
    }

    public static int pthread_detach(long thread) {
        return posix_h.pthread_detach(thread);
    }

    public static long pthread_self() {
        return posix_h.pthread_self();
    }

    public static int pthread_mutex_init(MemorySegment mutex, MemorySegment attr) {
        return posix_h.pthread_mutex_init(mutex, attr);
    }

    public static int pthread_mutex_lock(MemorySegment mutex) {
        return posix_h.pthread_mutex_lock(mutex);
    }

    public static int pthread_mutex_unlock(MemorySegment mutex) {
        return posix_h.pthread_mutex_unlock(mutex);
    }

    public static int pthread_mutex_destroy(MemorySegment mutex) {
        return posix_h.pthread_mutex_destroy(mutex);
    }

    public static int sem_init(MemorySegment sem, int pshared, int value) {
        try {
            return (int) SEM_INIT.H.invokeExact(Errno.state(), sem, pshared, value);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int sem_wait(MemorySegment sem) {
        try {
            return (int) SEM_WAIT.H.invokeExact(Errno.state(), sem);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int sem_post(MemorySegment sem) {
        try {
            return (int) SEM_POST.H.invokeExact(Errno.state(), sem);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int sem_destroy(MemorySegment sem) {
        try {
            return (int) SEM_DESTROY.H.invokeExact(Errno.state(), sem);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }
}
