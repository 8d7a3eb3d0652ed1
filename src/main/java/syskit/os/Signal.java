package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;

import syskit.posix.posix_h;
import syskit.posix.pollfd;
import syskit.posix.signalfd_siginfo;

/**
 * signal.h for a JVM: signal, sigaction, kill, raise, and handlers that run on the listing's
 * own thread.
 *
 * In C the kernel interrupts the program and runs the handler on its stack. A JVM cannot take
 * that: a Java upcall run as a signal handler crashed it (the signal lands on any thread,
 * JVM-internal ones included). So the kit turns signals into data:
 * <ul>
 * <li>the launcher starts the JVM with {@link #CATCHABLE} blocked in every thread (a mask set
 *     before a re-exec is inherited by all the threads the new JVM starts), then unblocks them
 *     in the listing's thread only, where they keep their default action: Ctrl-C still kills;</li>
 * <li>installing a handler blocks that signal in the listing's thread too and adds it to a
 *     {@code signalfd}, where the kernel queues it (SIGCHLD goes there as well while any handler
 *     is installed, so that a blocking waitpid wakes when a child ends);</li>
 * <li>the kit's blocking calls (read, write, waitpid, sleep, pause; accept through
 *     {@link #awaitReady}) wait with {@code poll} on their descriptor and on the signalfd; when a
 *     signal is queued they run its handler on the listing's thread and return -1 with EINTR,
 *     or go on waiting when the handler was installed with SA_RESTART, as the kernel does in C.
 *     sleep and pause end after any handler, as they do in C.</li>
 * </ul>
 * No JVM thread ever takes a caught signal, and only the listing's thread takes an uncaught
 * one, with its C default. What the listing sees is C's behaviour, with two differences: a
 * handler runs when the program next waits in a kit call, not in the middle of a computation,
 * and never inside another handler (sa_mask is as if full). Standard signals still merge: two
 * SIGCHLDs queued before the handler runs are read as one, as in C.
 */
public final class Signal {
    public static final int SIGHUP = posix_h.SIGHUP();
    public static final int SIGINT = posix_h.SIGINT();
    public static final int SIGQUIT = posix_h.SIGQUIT();
    public static final int SIGKILL = posix_h.SIGKILL();
    public static final int SIGUSR1 = posix_h.SIGUSR1();
    public static final int SIGPIPE = posix_h.SIGPIPE();
    public static final int SIGSTOP = posix_h.SIGSTOP();
    public static final int SIGCONT = posix_h.SIGCONT();
    public static final int SIGALRM = posix_h.SIGALRM();
    public static final int SIGTERM = posix_h.SIGTERM();
    public static final int SIGCHLD = posix_h.SIGCHLD();
    public static final int SA_RESTART = posix_h.SA_RESTART();

    /**
     * The signals a listing may catch: blocked in every JVM thread from the start. Not SIGUSR2:
     * HotSpot uses it to suspend and resume its own threads and unblocks it in each of them.
     */
    public static final int SIGURG = posix_h.SIGURG();
    public static final int[] CATCHABLE = {SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, SIGTERM, SIGCHLD, SIGURG};

    /** A handler: {@code void handler(int sig)} in C. */
    @FunctionalInterface
    public interface SigHandler {
        void handle(int sig);
    }

    /** SIG_DFL and SIG_IGN, as handlers that {@link #sigaction} recognises. */
    public static final SigHandler SIG_DFL = sig -> {};
    public static final SigHandler SIG_IGN = sig -> {};

    /** {@code sigset_t}: a set of signal numbers 1-64. */
    public static final class sigset_t {
        long bits;
    }

    /** {@code struct sigaction}: what a caught signal runs, with which flags. */
    public static final class Sigaction {
        public SigHandler sa_handler = SIG_DFL;
        public final sigset_t sa_mask = new sigset_t();
        public int sa_flags;
    }

    static final short POLLIN = (short) posix_h.POLLIN();
    static final short POLLOUT = (short) posix_h.POLLOUT();
    private static final int EINTR = posix_h.EINTR();

    private static final MethodHandle SIGACTION = Errno.capturing(posix_h.sigaction$address(), posix_h.sigaction$descriptor());
    private static final MethodHandle POLL = Errno.capturing(posix_h.poll$address(), posix_h.poll$descriptor());
    private static final MethodHandle KILL = Errno.capturing(posix_h.kill$address(), posix_h.kill$descriptor());

    /** Every disposition set through {@link #sigaction} other than SIG_DFL; absent means SIG_DFL. */
    private static final Map<Integer, Sigaction> actions = new HashMap<>();
    private static int signalfd = -1;
    private static boolean dispatching;

    private Signal() {}

    public static int sigemptyset(sigset_t set) { set.bits = 0; return 0; }
    public static int sigfillset(sigset_t set) { set.bits = -1L; return 0; }
    public static int sigaddset(sigset_t set, int sig) { set.bits |= 1L << (sig - 1); return 0; }
    public static int sigdelset(sigset_t set, int sig) { set.bits &= ~(1L << (sig - 1)); return 0; }
    public static int sigismember(sigset_t set, int sig) { return (set.bits >>> (sig - 1) & 1) == 1 ? 1 : 0; }

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
            oldact.sa_mask.bits = previous == null ? 0 : previous.sa_mask.bits;
        }
        if (act == null) return 0;
        boolean handler = act.sa_handler != SIG_DFL && act.sa_handler != SIG_IGN;
        if (!isCatchable(sig)) {
            if (handler) return Errno.fail(posix_h.EINVAL());
            if (act.sa_handler == SIG_IGN) actions.put(sig, act); else actions.remove(sig); // for the next oldact
            return setKernelDisposition(sig, act.sa_handler);
        }
        if (handler) SigMask.requireBlockedInOtherThreads(sig);
        Sigaction copy = new Sigaction();
        copy.sa_handler = act.sa_handler;
        copy.sa_flags = act.sa_flags;
        copy.sa_mask.bits = act.sa_mask.bits;
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
            return (int) KILL.invokeExact(Errno.state(), pid, sig);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** raise(3): the signal to this process. */
    public static int raise(int sig) {
        return kill(Unistd.getpid(), sig);
    }

    /**
     * True once a handler is installed (and none is running), on the listing's own thread:
     * its blocking calls then watch the signalfd. Threads a listing starts never run handlers;
     * they keep every catchable signal blocked (see {@link Pthread}) and call C directly.
     */
    static boolean active() {
        return signalfd != -1 && caughtAny() && !dispatching && ForkSafety.onListingThread();
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

    private static boolean caught(int sig) {
        Sigaction a = actions.get(sig);
        return a != null && a.sa_handler != SIG_IGN;
    }

    private static boolean caughtAny() {
        for (int sig : CATCHABLE) if (caught(sig)) return true;
        return false;
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

    /**
     * Waits until fd is ready for events or a handler ran. Returns 0 when fd is ready, -1 with
     * EINTR when a handler without SA_RESTART ran.
     */
    static int awaitReady(int fd, short events) {
        while (true) {
            if (poll(fd, events, -1) != SIGNAL) return 0;
            if (dispatch() == INTERRUPTED) return Errno.fail(EINTR);
        }
    }

    /**
     * sleep(3) with handlers installed: any handler that runs cuts it short, as in C, whatever
     * SA_RESTART says (Linux never restarts a sleep). Returns the whole seconds left, as glibc does.
     */
    static int interruptibleSleep(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return 0;
            if (poll(-1, (short) 0, left) == SIGNAL) {
                long rest = Math.max(0, deadline - System.nanoTime());   // before the handler runs
                if (dispatch() != NONE) return (int) (rest / 1_000_000_000L);   // glibc drops the fraction
            }
        }
    }

    static int pause() {
        if (!active()) {
            System.out.flush();
            posix_h.pause();
            return Errno.fail(EINTR);
        }
        while (poll(-1, (short) 0, -1) != SIGNAL || dispatch() == NONE) { /* no handler ran yet */ }
        return Errno.fail(EINTR);
    }

    /** waitpid without WNOHANG while handlers are installed: wakes on SIGCHLD (see {@link #routed}). */
    static int blockingWaitpid(int pid, int[] status, int options) {
        if (actions.get(SIGCHLD) != null && !caught(SIGCHLD)) {
            return Wait.rawWaitpid(pid, status, options); // SIG_IGN: no SIGCHLD will come to wake the wait
        }
        while (true) {
            int r = Wait.rawWaitpid(pid, status, options | Wait.WNOHANG);
            if (r != 0) return r;
            if (poll(-1, (short) 0, -1) == SIGNAL && dispatch() == INTERRUPTED) return Errno.fail(EINTR);
        }
    }

    private static final int SIGNAL = -2, TIMEOUT = 0;

    /** poll(2) on fd (if >= 0) and the signalfd. Returns SIGNAL, TIMEOUT or 1 (fd ready). */
    private static int poll(int fd, short events, long timeoutNanos) {
        System.out.flush();
        int timeoutMs = timeoutNanos < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (timeoutNanos + 999_999) / 1_000_000);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = pollfd.allocateArray(2, arena);
            pollfd.fd(pollfd.asSlice(fds, 0), signalfd);
            pollfd.events(pollfd.asSlice(fds, 0), POLLIN);
            pollfd.fd(pollfd.asSlice(fds, 1), fd);
            pollfd.events(pollfd.asSlice(fds, 1), events);
            int n;
            do {
                n = (int) POLL.invokeExact(Errno.state(), fds, 2L, timeoutMs);
            } while (n == -1 && Errno.errno() == EINTR);
            if (n == 0) return TIMEOUT;
            if (pollfd.revents(pollfd.asSlice(fds, 0)) != 0) return SIGNAL;
            return 1;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** What {@link #dispatch} did: no handler ran, only SA_RESTART ones, or one without it. */
    private static final int NONE = 0, RESTARTED = 1, INTERRUPTED = 2;

    /**
     * Reads every queued signal from the signalfd and runs its handler here, on the listing's
     * thread, one after the other (a handler never interrupts another).
     */
    private static int dispatch() {
        int result = NONE;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = signalfd_siginfo.allocate(arena);
            while (Unistd.rawRead(signalfd, info, info.byteSize()) == info.byteSize()) {
                int sig = signalfd_siginfo.ssi_signo(info);
                if (!caught(sig)) continue; // SIGCHLD without a handler: ignored, as by default
                Sigaction act = actions.get(sig);
                result = Math.max(result, (act.sa_flags & SA_RESTART) != 0 ? RESTARTED : INTERRUPTED);
                dispatching = true;
                try {
                    act.sa_handler.handle(sig);
                } finally {
                    dispatching = false;
                }
            }
        }
        return result;
    }

    private static int setKernelDisposition(int sig, SigHandler handler) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment act = syskit.posix.sigaction.allocate(arena);
            act.fill((byte) 0);
            syskit.posix.sigaction.__sigaction_handler.sa_handler(
                    syskit.posix.sigaction.__sigaction_handler(act),
                    MemorySegment.ofAddress(handler == SIG_IGN ? 1 : 0));
            return (int) SIGACTION.invokeExact(Errno.state(), sig, act, MemorySegment.NULL);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** The signal's name, as strsignal(3) gives it. */
    public static String strsignal(int sig) {
        return posix_h.strsignal(sig).reinterpret(Long.MAX_VALUE).getString(0);
    }
}
