package syskit.os;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import syskit.posix.posix_h;
import syskit.posix.pollfd;
import syskit.posix.signalfd_siginfo;

/**
 * The loop that runs signal handlers (see {@link Signal} for why a JVM needs one): while a
 * handler is installed, the kit's blocking calls (read, write, accept, recv, waitpid, sleep,
 * pause) wait here with {@code poll} on their descriptor and on the signalfd. When a signal is
 * queued the loop runs its handler on the listing's thread and the call returns -1 with EINTR,
 * or goes on waiting when the handler was installed with SA_RESTART, as the kernel does in C;
 * sleep and pause end after any handler, as they do in C.
 *
 * <p>What the listing sees is C's behaviour, with two differences: a handler runs when the
 * program next waits in a kit call, not in the middle of a computation, and never inside
 * another handler (sa_mask is as if full). Standard signals still merge: two SIGCHLDs queued
 * before the handler runs are read as one, as in C.
 *
 * <p>Between poll saying "ready" and the call, another process may take the bytes (two
 * processes reading one pipe, as pipe2's do). A blocking read would then sleep with the
 * signals queued and no handler could run, not even SIGINT's. So the one read after the poll
 * never blocks: on a pipe it reads through a second, non-blocking open of the same pipe
 * ({@code /proc/self/fd/N}, a description of its own, so no other process sees a flag change);
 * on a socket it is recv with MSG_DONTWAIT; when that finds nothing, the loop polls again.
 * What stays open: accept on a listening socket two processes share, a write that another
 * writer's bytes fill the pipe before, and a terminal shared by two processes (none of the
 * listings of chapters 10-11 does any of these while a handler is installed).
 */
final class SignalLoop {
    static final short POLLIN = (short) posix_h.POLLIN();
    static final short POLLOUT = (short) posix_h.POLLOUT();
    private static final int EINTR = posix_h.EINTR();
    private static final int EAGAIN = posix_h.EAGAIN();
    private static final int WNOHANG = posix_h.WNOHANG();
    private static final int MSG_DONTWAIT = posix_h.MSG_DONTWAIT();


    private static boolean dispatching;

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class POLL { static final MethodHandle H = Errno.capturing(posix_h.poll$address(), posix_h.poll$descriptor()); }

    private SignalLoop() {}

    /**
     * True once a handler is installed (and none is running), on the listing's own thread:
     * its blocking calls then wait here. Threads a listing starts never run handlers; they keep
     * every catchable signal blocked (see {@link Pthread}) and call C directly.
     */
    static boolean active() {
        return Signal.signalfd() != -1 && Signal.caughtAny() && !dispatching && ForkSafety.onListingThread();
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

    /** read(2) with handlers installed: waits here, then reads without blocking (see the class comment). */
    static int read(int fd, MemorySegment buf, long count) {
        if (nonBlocking(fd)) return Syscall.read(fd, buf, count);   // a non-blocking fd never waits, as in C
        while (true) {
            if (awaitReady(fd, POLLIN) == -1) return -1;
            int r = readNow(fd, buf, count);
            if (r != -1 || Errno.errno() != EAGAIN) return r;
            // another process took the bytes between the poll and the read: wait again
        }
    }

    /** recv/recvfrom with handlers installed: call runs with MSG_DONTWAIT added, after the wait. */
    static int recv(int fd, java.util.function.IntSupplier dontWaitCall) {
        if (nonBlocking(fd)) return dontWaitCall.getAsInt();
        while (true) {
            if (awaitReady(fd, POLLIN) == -1) return -1;
            int r = dontWaitCall.getAsInt();
            if (r != -1 || Errno.errno() != EAGAIN) return r;
        }
    }

    private static boolean nonBlocking(int fd) {
        int flags = Fcntl.fcntl(fd, Fcntl.F_GETFL);
        return flags != -1 && (flags & Fcntl.O_NONBLOCK) != 0;
    }

    /** One read of fd that does not block: -1 with EAGAIN when nothing is there. */
    private static int readNow(int fd, MemorySegment buf, long count) {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            target = "";
        }
        if (target.startsWith("socket:[")) return Syscall.recv(fd, buf, count, MSG_DONTWAIT);
        if (!target.startsWith("pipe:[")) return Syscall.read(fd, buf, count);
        int own = Fcntl.open("/proc/self/fd/" + fd, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK);
        if (own == -1) return Syscall.read(fd, buf, count);
        int r = Syscall.read(own, buf, count);
        int errno = Errno.errno();
        Syscall.close(own);
        if (r == -1) Errno.fail(errno);
        return r;
    }

    /**
     * sleep(3) with handlers installed: any handler that runs cuts it short, as in C, whatever
     * SA_RESTART says (Linux never restarts a sleep). Returns the whole seconds left, as glibc does.
     */
    static int sleep(int seconds) {
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

    /** waitpid without WNOHANG while handlers are installed: wakes on SIGCHLD (see {@link Signal}). */
    static int waitpid(int pid, int[] status, int options) {
        if (Signal.action(Signal.SIGCHLD) != null && !Signal.caught(Signal.SIGCHLD)) {
            return Syscall.waitpid(pid, status, options); // SIG_IGN: no SIGCHLD will come to wake the wait
        }
        while (true) {
            int r = Syscall.waitpid(pid, status, options | WNOHANG);
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
            pollfd.fd(pollfd.asSlice(fds, 0), Signal.signalfd());
            pollfd.events(pollfd.asSlice(fds, 0), POLLIN);
            pollfd.fd(pollfd.asSlice(fds, 1), fd);
            pollfd.events(pollfd.asSlice(fds, 1), events);
            int n;
            do {
                n = (int) POLL.H.invokeExact(Errno.state(), fds, 2L, timeoutMs);
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
            while (Syscall.read(Signal.signalfd(), info, info.byteSize()) == info.byteSize()) {
                int sig = signalfd_siginfo.ssi_signo(info);
                if (!Signal.caught(sig)) continue; // SIGCHLD without a handler: ignored, as by default
                Signal.Sigaction act = Signal.action(sig);
                result = Math.max(result, (act.sa_flags & Signal.SA_RESTART) != 0 ? RESTARTED : INTERRUPTED);
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
}
