package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;

import syskit.posix.posix_h;

/**
 * signal.h for a JVM: signal, sigaction, the sigset functions, kill and raise, named as in C.
 *
 * In C the kernel interrupts the program and runs the handler on its stack. A JVM cannot take
 * that: a Java upcall run as a signal handler crashed it (the signal lands on any thread,
 * JVM-internal ones included). So the kit turns signals into data:
 * <ul>
 * <li>the launcher starts the JVM with {@link #CATCHABLE} blocked in every thread (a mask set
 *     before the JVM starts is inherited by all the threads it starts), then unblocks them in
 *     the listing's thread only, where they keep their default action: Ctrl-C still kills;</li>
 * <li>installing a handler here blocks that signal in the listing's thread too and adds it to a
 *     {@code signalfd}, where the kernel queues it (SIGCHLD goes there as well while any handler
 *     is installed, so that a blocking waitpid wakes when a child ends);</li>
 * <li>the kit's blocking calls wait in {@link SignalLoop}, which runs the queued handlers on the
 *     listing's thread and makes the call fail with EINTR, or go on, as the kernel does in C.</li>
 * </ul>
 * This class holds the dispositions; {@link SignalLoop} runs them.
 */
public final class Signal {
    public static final int SIGHUP = posix_h.SIGHUP();
    public static final int SIGINT = posix_h.SIGINT();
    public static final int SIGQUIT = posix_h.SIGQUIT();
    public static final int SIGKILL = posix_h.SIGKILL();
    public static final int SIGUSR1 = posix_h.SIGUSR1();
    public static final int SIGPIPE = posix_h.SIGPIPE();
    public static final int SIGSEGV = posix_h.SIGSEGV();
    public static final int SIGSTOP = posix_h.SIGSTOP();
    public static final int SIGCONT = posix_h.SIGCONT();
    public static final int SIGALRM = posix_h.SIGALRM();
    public static final int SIGTERM = posix_h.SIGTERM();
    public static final int SIGCHLD = posix_h.SIGCHLD();
    public static final int SA_RESTART = posix_h.SA_RESTART();

    public static final int SIGURG = posix_h.SIGURG();
    /** The signals a listing may catch (see {@link SigMask#CATCHABLE}). */
    public static final int[] CATCHABLE = SigMask.CATCHABLE;

    /** A handler: {@code void handler(int sig)} in C. */
    @FunctionalInterface
    public interface SigHandler {
        void handle(int sig);
    }

    /** SIG_DFL and SIG_IGN, as handlers that {@link #sigaction} recognises. */
    public static final SigHandler SIG_DFL = sig -> {};
    public static final SigHandler SIG_IGN = sig -> {};

    /**
     * {@code struct sigaction}: what a caught signal runs, with which flags. sa_mask is a real
     * {@code sigset_t} (the generated layout), filled with glibc's own sigemptyset, sigaddset...
     */
    public static final class Sigaction {
        public SigHandler sa_handler = SIG_DFL;
        public final MemorySegment sa_mask = syskit.posix.sigset_t.allocate(Arena.ofAuto());
        public int sa_flags;
    }


    /** Every disposition set through {@link #sigaction} other than SIG_DFL (SIG_IGN included); absent means SIG_DFL. */
    private static final Map<Integer, Sigaction> actions = new HashMap<>();
    private static int signalfd = -1;

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class SIGACTION {
        static final MethodHandle H = Errno.capturing(posix_h.sigaction$address(), posix_h.sigaction$descriptor());
    }
    private static final class SIGEMPTYSET {
        static final MethodHandle H = Errno.capturing(posix_h.sigemptyset$address(), posix_h.sigemptyset$descriptor());
    }
    private static final class SIGFILLSET {
        static final MethodHandle H = Errno.capturing(posix_h.sigfillset$address(), posix_h.sigfillset$descriptor());
    }
    private static final class SIGADDSET {
        static final MethodHandle H = Errno.capturing(posix_h.sigaddset$address(), posix_h.sigaddset$descriptor());
    }
    private static final class SIGDELSET {
        static final MethodHandle H = Errno.capturing(posix_h.sigdelset$address(), posix_h.sigdelset$descriptor());
    }
    private static final class SIGISMEMBER {
        static final MethodHandle H = Errno.capturing(posix_h.sigismember$address(), posix_h.sigismember$descriptor());
    }
    private static final class KILL { static final MethodHandle H = Errno.capturing(posix_h.kill$address(), posix_h.kill$descriptor()); }

    private Signal() {}

    /** sigemptyset(3) on a {@code sigset_t} segment, such as {@code act.sa_mask}. */
    public static int sigemptyset(MemorySegment set) {
        try {
            return (int) SIGEMPTYSET.H.invokeExact(Errno.state(), set);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int sigfillset(MemorySegment set) {
        try {
            return (int) SIGFILLSET.H.invokeExact(Errno.state(), set);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** sigaddset(3): -1 with EINVAL for a number that is not a signal. */
    public static int sigaddset(MemorySegment set, int sig) {
        try {
            return (int) SIGADDSET.H.invokeExact(Errno.state(), set, sig);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    public static int sigdelset(MemorySegment set, int sig) {
        try {
            return (int) SIGDELSET.H.invokeExact(Errno.state(), set, sig);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** sigismember(3): 1, 0, or -1 with EINVAL. */
    public static int sigismember(MemorySegment set, int sig) {
        try {
            return (int) SIGISMEMBER.H.invokeExact(Errno.state(), set, sig);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** signal(2) as glibc has it: the handler stays installed and interrupted calls restart. */
    public static SigHandler signal(int sig, SigHandler handler) {
        Sigaction act = new Sigaction();
        act.sa_handler = handler;
        act.sa_flags = SA_RESTART;
        Sigaction old = new Sigaction();
        sigaction(sig, act, old);
        return old.sa_handler;
    }

    /**
     * sigaction(2). {@code oldact} may be null. sa_mask is accepted but changes nothing: the kit
     * never runs a handler inside another, as if sa_mask held every signal.
     */
    public static int sigaction(int sig, Sigaction act, Sigaction oldact) {
        Sigaction previous = actions.get(sig);
        if (oldact != null) {
            oldact.sa_handler = previous == null ? SIG_DFL : previous.sa_handler;
            oldact.sa_flags = previous == null ? 0 : previous.sa_flags;
            if (previous == null) sigemptyset(oldact.sa_mask);
            else MemorySegment.copy(previous.sa_mask, 0, oldact.sa_mask, 0, oldact.sa_mask.byteSize());
        }
        if (act == null) return 0;
        boolean handler = act.sa_handler != SIG_DFL && act.sa_handler != SIG_IGN;
        if (!isCatchable(sig)) {
            if (handler) return Errno.fail(posix_h.EINVAL());
            // Recorded all the same, for the next oldact: signal(SIGPIPE, SIG_IGN) must come back as SIG_IGN.
            if (act.sa_handler == SIG_IGN) actions.put(sig, act); else actions.remove(sig);
            return setKernelDisposition(sig, act.sa_handler);
        }
        if (handler) SigMask.requireBlockedInOtherThreads(sig);
        Sigaction copy = new Sigaction();
        copy.sa_handler = act.sa_handler;
        copy.sa_flags = act.sa_flags;
        MemorySegment.copy(act.sa_mask, 0, copy.sa_mask, 0, copy.sa_mask.byteSize());
        if (act.sa_handler == SIG_DFL) actions.remove(sig);
        else actions.put(sig, copy);
        // A caught signal is blocked here and queued in the signalfd, so the kernel keeps the
        // C default (terminate, ignore) only as the disposition of the uncaught ones.
        setKernelDisposition(sig, handler ? SIG_DFL : act.sa_handler);
        int[] routed = routed();
        SigMask.routeToSignalfd(routed);
        signalfd = SigMask.updateSignalfd(signalfd, routed);
        return 0;
    }

    /** kill(2). */
    public static int kill(int pid, int sig) {
        try {
            return (int) KILL.H.invokeExact(Errno.state(), pid, sig);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** raise(3): the signal to this process. */
    public static int raise(int sig) {
        return kill(Unistd.getpid(), sig);
    }

    /** Gives sig back its C default action (the launcher does this for SIGPIPE, which the JVM ignores). */
    public static void restoreDefault(int sig) {
        actions.remove(sig);
        setKernelDisposition(sig, SIG_DFL);
    }

    static boolean isCatchable(int sig) {
        for (int s : CATCHABLE) if (s == sig) return true;
        return false;
    }

    /** The disposition of sig, or null for SIG_DFL. */
    static Sigaction action(int sig) {
        return actions.get(sig);
    }

    /** True when sig has a handler (not SIG_DFL, not SIG_IGN). */
    static boolean caught(int sig) {
        Sigaction a = actions.get(sig);
        return a != null && a.sa_handler != SIG_IGN;
    }

    static boolean caughtAny() {
        for (int sig : CATCHABLE) if (caught(sig)) return true;
        return false;
    }

    /** The signalfd where the caught signals queue, or -1 before any handler was installed. */
    static int signalfd() {
        return signalfd;
    }

    /**
     * The signals that go to the signalfd: the caught ones and, while any is caught, SIGCHLD,
     * so that a blocking waitpid wakes when a child ends. Uncaught, SIGCHLD's default is to be
     * ignored, so reading and dropping it there changes nothing.
     */
    private static int[] routed() {
        if (!caughtAny()) return new int[0];
        int n = 0;
        int[] sigs = new int[CATCHABLE.length];
        for (int sig : CATCHABLE) {
            if (caught(sig) || (sig == SIGCHLD && actions.get(SIGCHLD) == null)) sigs[n++] = sig;
        }
        return java.util.Arrays.copyOf(sigs, n);
    }

    private static int setKernelDisposition(int sig, SigHandler handler) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment act = syskit.posix.sigaction.allocate(arena);
            act.fill((byte) 0);
            syskit.posix.sigaction.__sigaction_handler.sa_handler(
                    syskit.posix.sigaction.__sigaction_handler(act),
                    MemorySegment.ofAddress(handler == SIG_IGN ? 1 : 0));
            return (int) SIGACTION.H.invokeExact(Errno.state(), sig, act, MemorySegment.NULL);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** The signal's name, as strsignal(3) gives it. */
    public static String strsignal(int sig) {
        return CString.strsignal(sig);
    }
}
