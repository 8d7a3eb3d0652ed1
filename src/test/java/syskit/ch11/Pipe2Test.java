package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.CReference;
import syskit.harness.PipeTrace;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * ch11/pipe2, two-way talk over ONE pipe. Which process reads the child's question first is a
 * race; the test hook -Dsyskit.pipe2.delay (see syskit.tools.TestDelay) holds one side back
 * 2 s, far longer than the other needs, so each outcome happens every time.
 */
class Pipe2Test {
    static final String QUESTION_AND_ANSWER =
            "Parent proc output : Who are you?\nChild proc output : Thank you for your message\n";

    static Run pipe2Delaying(String point) {
        return Run.listingWithJvmOptions(List.of("-Dsyskit.pipe2.delay=" + point + ":2000ms"), "ch11/pipe2");
    }

    @Test
    void whenTheChildReadsFirstItGetsItsOwnQuestionAndTheParentBlocksInReadForever() {
        try (Run.Started s = pipe2Delaying("parent-before-read").start()) {
            assertThat(s.awaitOutput("Child proc output : Who are you?\n", Duration.ofSeconds(20)))
                    .as("the child read back its own question; stdout: %s", s.stdout()).isTrue();
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

    /** The thread of pid asleep ('S') in read() on a pipe, or null. */
    static Proc.Syscall readOnAPipe(int pid) {
        for (Proc.Syscall c : Proc.syscalls(pid)) {
            if (c.state() == 'S' && c.nr() == Proc.Syscall.READ
                    && Proc.fds(pid).getOrDefault(c.args().get(0).intValue(), "").startsWith("pipe:[")) return c;
        }
        return null;
    }

    @Test
    void whenTheParentReadsFirstTheExchangeCompletes() {
        Result r = pipe2Delaying("child-before-read").run();
        assertThat(r.hung()).as(r.toString()).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(QUESTION_AND_ANSWER);
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void withItsSleepRestoredTheParentGetsTheQuestionAndTheChildTheAnswer() throws IOException {
        Result r = Run.listing("ch11/pipe2", "--sleep").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(QUESTION_AND_ANSWER)
                .isEqualTo(Files.readString(Run.ROOT.resolve("chapters/ch11/expected/pipe2 --sleep.out")));
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

        PipeTrace cpp = PipeTrace.of(Run.command(CReference.build("ch11/pipe2"), "--sleep"), "fds");
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
        Result cpp = Run.command(CReference.build("ch11/pipe2"), "--slep").run();
        assertThat(cpp.exitStatus()).isEqualTo(2);
        assertThat(cpp.stderr()).endsWith("pipe2 [--sleep]\n");
    }
}
