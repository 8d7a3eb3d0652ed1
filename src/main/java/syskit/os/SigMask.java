package syskit.os;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import syskit.posix.posix_h;

/** The thread signal masks and the signalfd behind {@link Signal}. */
public final class SigMask {
    /**
     * The signals a listing may catch: blocked in every JVM thread from the start. Not SIGUSR2:
     * HotSpot uses it to suspend and resume its own threads and unblocks it in each of them.
     */
    static final int[] CATCHABLE = {posix_h.SIGHUP(), posix_h.SIGINT(), posix_h.SIGQUIT(), posix_h.SIGUSR1(),
            posix_h.SIGALRM(), posix_h.SIGTERM(), posix_h.SIGCHLD(), posix_h.SIGURG()};

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class SIGNALFD {
        static final MethodHandle H = Errno.capturing(posix_h.signalfd$address(), posix_h.signalfd$descriptor());
    }

    private SigMask() {}

    /** Blocks {@link Signal#CATCHABLE} in the calling thread (before the launcher re-executes the JVM). */
    public static void blockCatchable() {
        change(posix_h.SIG_BLOCK(), CATCHABLE);
    }

    /** Blocks {@link Signal#CATCHABLE} in the calling thread; returns the mask it had, for {@link #restore}. */
    static MemorySegment blockCatchableSaving(Arena arena) {
        MemorySegment old = syskit.posix.sigset_t.allocate(arena);
        posix_h.pthread_sigmask(posix_h.SIG_BLOCK(), set(arena, CATCHABLE), old);
        return old;
    }

    static void restore(MemorySegment saved) {
        posix_h.pthread_sigmask(posix_h.SIG_SETMASK(), saved, MemorySegment.NULL);
    }

    /** True when every catchable signal is blocked in the calling thread. */
    public static boolean catchableBlocked() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = syskit.posix.sigset_t.allocate(arena);
            posix_h.pthread_sigmask(posix_h.SIG_BLOCK(), MemorySegment.NULL, current);
            for (int sig : CATCHABLE) if (posix_h.sigismember(current, sig) != 1) return false;
            return true;
        }
    }

    /** At the listing's start: its thread takes the catchable signals with their default actions. */
    public static void unblockCatchableInThisThread() {
        change(posix_h.SIG_UNBLOCK(), CATCHABLE);
    }

    /**
     * The listing thread's mask while handlers are installed: the routed signals blocked (they
     * queue for the signalfd), every other catchable one unblocked with its kernel disposition.
     */
    static void routeToSignalfd(int[] routed) {
        change(posix_h.SIG_BLOCK(), routed); // first: a pending routed signal must never meet its default
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment others = set(arena, CATCHABLE);
            for (int sig : routed) posix_h.sigdelset(others, sig);
            posix_h.pthread_sigmask(posix_h.SIG_UNBLOCK(), others, MemorySegment.NULL);
        }
    }

    private static void change(int how, int... sigs) {
        try (Arena arena = Arena.ofConfined()) {
            posix_h.pthread_sigmask(how, set(arena, sigs), MemorySegment.NULL);
        }
    }

    private static MemorySegment set(Arena arena, int... sigs) {
        MemorySegment set = syskit.posix.sigset_t.allocate(arena);
        posix_h.sigemptyset(set);
        for (int sig : sigs) posix_h.sigaddset(set, sig);
        return set;
    }

    /** Creates or updates the signalfd to carry exactly these signals; -1 stays -1 for none. */
    static int updateSignalfd(int fd, int[] sigs) {
        if (fd == -1 && sigs.length == 0) return -1;
        try (Arena arena = Arena.ofConfined()) {
            int flags = posix_h.SFD_NONBLOCK() | posix_h.SFD_CLOEXEC();
            int r = (int) SIGNALFD.H.invokeExact(Errno.state(), fd, set(arena, sigs), flags);
            if (r == -1) throw new IllegalStateException("signalfd: " + Errno.strerror(Errno.errno()));
            return r;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * Installing a handler is only safe if no other thread can take the signal (it would run
     * the default action there, or the JVM's). Every JVM thread inherits the launcher's mask;
     * this checks that none has lost it, and refuses clearly otherwise.
     */
    static void requireBlockedInOtherThreads(int sig) {
        long bit = 1L << (sig - 1);
        String self = Long.toString(gettid());
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (task.getFileName().toString().equals(self)) continue;
                long blocked = sigBlk(task);
                if (blocked != -1 && (blocked & bit) == 0) {
                    throw new Refused("cannot catch " + CString.strsignal(sig)
                            + ": JVM thread " + task.getFileName() + " does not block it. "
                            + "Run listings through the kit's launcher (bin/syskit), which blocks it in every thread.");
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to check against
        }
    }

    private static long sigBlk(Path task) {
        try {
            List<String> lines = Files.readAllLines(task.resolve("status"));
            for (String line : lines) {
                if (line.startsWith("SigBlk:")) return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        } catch (IOException | RuntimeException e) {
            // the thread ended while we looked
        }
        return -1;
    }

    private static long gettid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException e) {
            return -1;
        }
    }
}
