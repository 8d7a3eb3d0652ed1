package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.Peers.Lang;
import syskit.harness.CReference;
import syskit.harness.Held;
import syskit.harness.PipeTrace;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * ch11/pipe2, two-way talk over ONE pipe. Which process reads the child's question first is a
 * race. The tests force each outcome from outside the process, with the listing as the book
 * has it: strace holds one system call of one side 3 s (see {@link Held}), far longer than the
 * other side needs.
 */
class Pipe2Test {
    static final String QUESTION_AND_ANSWER =
            "Parent proc output : Who are you?\nChild proc output : Thank you for your message\n";

    /** The parent's fork() returns 3 s late (the JVM's threads start with clone3, not clone): the child writes and reads first. */
    @Test
    void whenTheChildReadsFirstItGetsItsOwnQuestionAndTheParentBlocksInReadForever() {
        try (Held h = Held.start(Duration.ofSeconds(60), List.of("-e", "trace=clone", "-e", "inject=clone:delay_exit=3000000"), "ch11/pipe2")) {
            Run.Started s = h.run();
            assertThat(s.awaitOutput("Child proc output : Who are you?\n", Duration.ofSeconds(30)))
                    .as("the child read back its own question; stdout: %s; strace: %s", s.stdout(), h.trace()).isTrue();
            Proc.Syscall[] found = new Proc.Syscall[1];
            Await.until(() -> (found[0] = readOnAPipe(s.pid())) != null, Duration.ofSeconds(20));
            Proc.Syscall read = found[0];
            assertThat(read).as("the parent's thread asleep in read(); threads: %s", Proc.syscalls(s.pid())).isNotNull();
            assertThat(read.args().get(2)).as("read(fds[0], buf, BUF_SIZE)").isEqualTo(30L);

            Run.sleepMillis(1500);   // nothing will ever come: still the same call, still asleep
            assertThat(Proc.syscalls(s.pid())).contains(read);
            assertThat(Proc.childrenOf(s.pid())).as("the child ended; its blocked parent never waits for it")
                    .singleElement().matches(Proc::zombie);

            Result r = s.kill();
            assertThat(r.hung()).as("still running when stopped").isTrue();
            assertThat(r.stdout()).isEqualTo("Child proc output : Who are you?\n");
            assertThat(r.survivors()).isEmpty();
        }
    }

    /**
     * Every write(2) returns 1 s late: the child's question is in the pipe (and the parent, asleep
     * in read, takes it) a second before the child can go on to its own read.
     */
    @Test
    void whenTheParentReadsFirstTheExchangeCompletes() {
        try (Held h = Held.start(Duration.ofSeconds(90), List.of("-e", "trace=write", "-e", "inject=write:delay_exit=1000000"), "ch11/pipe2")) {
            Result r = h.run().await();
            assertThat(r.hung()).as(r.toString()).isFalse();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo(QUESTION_AND_ANSWER);
            assertThat(r.survivors()).isEmpty();
        }
    }

    /** The thread of pid asleep ('S') in read() on a pipe, or null. */
    static Proc.Syscall readOnAPipe(int pid) {
        for (Proc.Syscall c : Proc.syscalls(pid)) {
            if (c.state() == 'S' && c.nr() == Proc.Syscall.READ
                    && Proc.fds(pid).getOrDefault(c.args().get(0).intValue(), "").startsWith("pipe:[")) return c;
        }
        return null;
    }

    @Test
    void withItsSleepRestoredTheParentGetsTheQuestionAndTheChildTheAnswer() throws IOException {
        Result r = Run.listing("ch11/pipe2", "--sleep").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(QUESTION_AND_ANSWER)
                .isEqualTo(Files.readString(Run.ROOT.resolve("chapters/ch11/expected/pipe2-sleep.out")));
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void withItsSleepRestoredItMovesTheSameBytesAsTheCReference() {
        PipeTrace t = PipeTrace.of(Run.listing("ch11/pipe2", "--sleep"), "fds");
        assertThat(t.lines()).containsExactly(
                "parent read fds[0] \"Who are you?\\0\" (13 bytes)",
                "parent write fds[1] \"Thank you for your message\\0\" (27 bytes)",
                "child write fds[1] \"Who are you?\\0\" (13 bytes)",
                "child read fds[0] \"Thank you for your message\\0\" (27 bytes)");

        PipeTrace cpp = PipeTrace.of(Lang.C.run("ch11/pipe2", "--sleep"), "fds");
        assertThat(t.lines()).isEqualTo(cpp.lines());
        assertThat(t.result().stdout()).isEqualTo(cpp.result().stdout());
        assertThat(t.result().exitStatus()).isEqualTo(cpp.result().exitStatus());
        assertThat(t.childExitStatus()).isEqualTo(cpp.childExitStatus()).isEqualTo(0);
    }

    @Test
    void anUnknownArgumentGetsTheUsageLineAndExit2LikeTheCReference() {
        Result r = Run.listing("ch11/pipe2", "--slep").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("usage: ch11/pipe2 [--sleep]\n");
        assertThat(r.stdout()).isEmpty();
        Result cpp = Lang.C.run("ch11/pipe2", "--slep").run();
        assertThat(cpp.exitStatus()).isEqualTo(2);
        assertThat(cpp.stderr()).endsWith("pipe2 [--sleep]\n");
    }
}
