package syskit.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

/** The signal layer (Signal, SigMask and the launcher's mask), each claim shown by a real process. */
class SignalLayerTest {

    @Test
    void twoHundredForksUnderAStreamOfSigchldAndSigalrmHangNoneAndNoOtherThreadCanTakeTheSignals() {
        Result r = Run.listing("kit/signalstorm", "200").timeout(Duration.ofSeconds(120)).run();
        assertThat(r.hung()).as("hung: %s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("signalstorm: 200 of 200 children reaped with 7")
                .contains(" 0 other threads with a catchable signal unblocked");
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void withoutSaRestartAHandlerMakesReadAndWaitpidFailWithEintr() {
        try (Run.Started s = Run.listing("kit/eintr").stdinPipe().start()) {   // stdin open, never written
            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.lines()).startsWith("SIGALRM handled", "read: -1 Interrupted system call",
                    "SIGALRM handled", "waitpid: -1 Interrupted system call", "SIGALRM handled");
            assertSleepReturnedTheSecondsLeft(r);
        }
    }

    @Test
    void withSaRestartReadAndWaitpidGoOnWaitingAfterTheHandler() throws IOException {
        try (Run.Started s = Run.listing("kit/eintr", "restart").stdinPipe().start()) {
            assertThat(s.awaitOutput("SIGALRM handled", Duration.ofSeconds(15))).as(s.stdout()).isTrue();
            s.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().flush();
            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.lines()).startsWith("SIGALRM handled", "read: 6 bytes",
                    "SIGALRM handled", "waitpid: child exited with 5", "SIGALRM handled");
            assertSleepReturnedTheSecondsLeft(r);
        }
    }

    @Test
    void ctrlCEndsAParentBlockedInReadAndItsForkedChildAsInC() {
        try (Run.Started s = Run.listing("kit/ctrlc").stdinPipe().start()) {
            assertThat(s.awaitOutput("child ", Duration.ofSeconds(15)) && s.awaitOutput("parent ", Duration.ofSeconds(5)))
                    .as(s.stdout()).isTrue();
            int child = Integer.parseInt(s.stdout().lines().filter(l -> l.startsWith("child "))
                    .findFirst().orElseThrow().split(" ")[1]);
            awaitBlockedInRead(s.pid());
            awaitBlockedInRead(child);

            Signal.kill(-s.pid(), Signal.SIGINT);   // what the terminal does on Ctrl-C
            Await.until(() -> !s.alive() && Proc.of(child) == null, Duration.ofSeconds(10));
            // checked before the harness kills the group: only SIGINT can have ended them
            assertThat(Proc.of(child)).as("the child outlived Ctrl-C").isNull();
            Result r = s.await();
            assertThat(r.hung()).as(r.toString()).isFalse();
            assertThat(r.signal()).as(r.toString()).isEqualTo(Signal.SIGINT);
            assertThat(r.stdout()).doesNotContain("read returned");
            assertThat(r.survivors()).isEmpty();
        }
    }

    @Test
    void everyJvmThreadButTheListingsBlocksTheCatchableSignals() throws IOException {
        // zombie: no handler, so the listing thread takes every catchable signal with its default action
        try (Run.Started s = Run.listing("ch10/zombie", "8").start()) {
            assertThat(s.awaitOutput("End child process", Duration.ofSeconds(15))).isTrue();
            List<Long> unblocked = catchableUnblockedPerThread(s.pid());
            assertThat(unblocked).as("threads with a catchable signal unblocked").hasSize(1);
            assertThat(unblocked.getFirst()).isEqualTo(mask(Signal.CATCHABLE));
        }
        // signal: SIGALRM and SIGINT caught, so blocked in the listing thread too (they go to the
        // signalfd, with SIGCHLD); the others keep their default action there and only there
        try (Run.Started s = Run.listing("ch10/signal").start()) {
            assertThat(s.awaitOutput("wait...", Duration.ofSeconds(15))).isTrue();
            List<Long> unblocked = catchableUnblockedPerThread(s.pid());
            assertThat(unblocked).hasSize(1);
            assertThat(unblocked.getFirst()).isEqualTo(mask(Signal.CATCHABLE)
                    & ~mask(Signal.SIGALRM, Signal.SIGINT, Signal.SIGCHLD));
        }
    }

    @Test
    void signalAndSigactionReportBackEveryDispositionAndTheSigsetFunctionsAreGlibcs() {
        Result r = Run.listing("kit/dispositions").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly(     // the answers a C program gets
                "signal(SIGPIPE, SIG_IGN) returned SIG_DFL",
                "sigaction(SIGPIPE) oldact SIG_IGN",
                "signal(SIGPIPE, SIG_DFL) returned SIG_IGN",
                "signal(SIGUSR1, h) returned SIG_DFL",
                "signal(SIGUSR1, SIG_IGN) returned handler",
                "signal(SIGUSR1, SIG_DFL) returned SIG_IGN",
                "sigismember(SIGHUP) 1, sigismember(SIGINT) 0",
                "sigaddset(65) -1 Invalid argument, then sigismember(SIGHUP) 1, sigismember(SIGQUIT) 0",
                "after sigfillset, sigdelset(SIGINT): SIGINT 0, SIGTERM 1",
                "oldact sa_mask kept: SIGINT 0, SIGTERM 1");
    }

    /**
     * The poll-then-read gap: the listing (a SIGUSR1 handler, one read of stdin) waits in poll;
     * strace holds it 5 s right after poll returns "ready" (after the attach, the poll goes on as restart_syscall), and in that time the test takes the
     * byte itself (through /proc/PID/fd/0) and sends SIGUSR1. A blocking read would now sleep
     * forever with SIGUSR1 queued; the kit's read must find nothing, wait again, and run the handler.
     */
    @Test
    void aReadWhoseBytesAnotherProcessTookAfterThePollStillRunsTheHandler() throws Exception {
        syskit.harness.Tool.assumeInstalled("strace", "hold the listing between its poll and its read");
        Path trace = Files.createTempFile("syskit-pollgap", ".txt");
        Process strace = null;
        try (Run.Started s = Run.listing("kit/pollgap").stdinPipe().start()) {
            assertThat(s.awaitOutput("reading\n", Duration.ofSeconds(20))).as(s.stdout()).isTrue();
            Proc.Syscall[] poll = new Proc.Syscall[1];
            assertThat(Await.until(() -> (poll[0] = Proc.asleepIn(s.pid(), Proc.Syscall.POLL)) != null, Duration.ofSeconds(10)))
                    .as("the listing thread waits in poll: %s", Proc.syscalls(s.pid())).isTrue();
            int tid = poll[0].tid();
            strace = new ProcessBuilder("strace", "-q", "-p", Integer.toString(tid), "-e", "trace=poll,restart_syscall",
                    "-e", "inject=poll,restart_syscall:delay_exit=5000000", "-o", trace.toString()).redirectErrorStream(true).start();
            assertThat(Await.until(() -> Proc.traced(s.pid(), tid), Duration.ofSeconds(10))).isTrue();
            // strace writes a call's entry at once: once the restarted poll is in the file, its exit will be held
            assertThat(Await.until(() -> read(trace).contains("restart_syscall(") || read(trace).contains("poll("), Duration.ofSeconds(20)))
                    .as("strace follows the restarted poll: %s", read(trace)).isTrue();

            s.stdin().write('x');
            s.stdin().flush();
            assertThat(Await.until(() -> read(trace).contains("DELAYED"), Duration.ofSeconds(10)))
                    .as("poll returned ready and is held: %s", read(trace)).isTrue();
            try (var other = Files.newInputStream(Path.of("/proc", Integer.toString(s.pid()), "fd", "0"))) {
                assertThat(other.read()).as("the test took the byte").isEqualTo('x');
            }
            s.signal(Signal.SIGUSR1);

            assertThat(s.awaitOutput("read: -1 Interrupted system call\n", Duration.ofSeconds(30)))
                    .as("handler ran and read failed with EINTR; stdout: %s; threads: %s", s.stdout(), Proc.syscalls(s.pid()))
                    .isTrue();
            assertThat(s.stdout()).isEqualTo("reading\nSIGUSR1 handled\nread: -1 Interrupted system call\n");
        } finally {
            if (strace != null) {
                strace.destroy();
                strace.waitFor();
            }
            Files.deleteIfExists(trace);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** sleep(10) cut short by an alarm after about 1 s: 8 or 9 whole seconds left, never 0. */
    private static void assertSleepReturnedTheSecondsLeft(Result r) {
        assertThat(r.lines()).hasSize(6);
        assertThat(r.lines().getLast()).isIn("sleep(10) returned 9", "sleep(10) returned 8");
    }

    /** For each thread of the process that leaves some catchable signal unblocked: which ones. */
    private static List<Long> catchableUnblockedPerThread(int pid) throws IOException {
        List<Long> result = new ArrayList<>();
        long catchable = mask(Signal.CATCHABLE);
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String blk = Files.readAllLines(task.resolve("status")).stream()
                        .filter(l -> l.startsWith("SigBlk:")).findFirst().orElseThrow();
                long unblocked = catchable & ~Long.parseUnsignedLong(blk.substring(7).trim(), 16);
                if (unblocked != 0) result.add(unblocked);
            }
        }
        return result;
    }

    private static long mask(int... sigs) {
        long m = 0;
        for (int sig : sigs) m |= 1L << (sig - 1);
        return m;
    }

    /** Waits until the process sleeps in read(2), so Ctrl-C finds it blocked there. */
    private static void awaitBlockedInRead(int pid) {
        assertThat(Await.until(() -> Proc.asleepIn(pid, Proc.Syscall.READ) != null, Duration.ofSeconds(10)))
                .as("blocked in read: %s", Proc.syscalls(pid)).isTrue();
    }
}
