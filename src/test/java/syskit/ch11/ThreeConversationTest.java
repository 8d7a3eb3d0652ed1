package syskit.ch11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.LearnerRun;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;
import syskit.harness.Run.Started;

/**
 * The checks of the exercise ch11/three_conversation (exercises/ch11/three_conversation/README.md),
 * each from outside the process: what it prints for a given stdin, which processes are left.
 * make test runs them against the reference answer; make check runs them against the learner's
 * file. Their display names and failure messages are what a learner reads.
 */
@Tag("exercise")
@Tag(ThreeConversationTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeConversationTest {
    static final String EXERCISE = "ch11/three_conversation";
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** The sample input the exercise text uses too: bin/syskit ch11/three_conversation &lt; six-lines.txt. */
    static final List<String> SIX = sixLines();

    @Test
    @Order(1)
    @DisplayName("stdin from a file of six lines: three rounds, each process reads exactly its own line")
    void sixLinesFromAFileMakeThreeRounds() {
        try (Started s = Run.listing(EXERCISE).stdin(text(SIX)).timeout(TIMEOUT).start()) {
            expectConversation(finish(s, ""), Checks.text("ThreeConversationTest.fromAFile"), SIX, SIX);
        }
    }

    @Test
    @Order(2)
    @DisplayName("lines typed one at a time (stdin a pipe, as from a terminal): each prompt shows before the read waits")
    void linesTypedOneAtATimeAnswerEachPrompt() {
        try (Started s = Run.listing(EXERCISE).stdinPipe().timeout(TIMEOUT).start()) {
            for (int i = 0; i < SIX.size(); i++) {
                String prompt = i % 2 == 0 ? "Child : " : "Parent : ";
                awaitPrompt(s, prompt, i / 2 + 1);
                type(s, SIX.get(i));
            }
            closeStdin(s);
            expectConversation(finish(s, ""), Checks.text("ThreeConversationTest.typed"), SIX, SIX);
        }
    }

    @Test
    @Order(3)
    @DisplayName("two pipes: the child's line waits in its pipe for the parent, even while the parent is stopped")
    void theChildNeverReadsItsOwnLineBack() {
        try (Started s = Run.listing(EXERCISE).stdinPipe().timeout(TIMEOUT).start()) {
            awaitPrompt(s, "Child : ", 1);
            int parent = s.pid();
            List<Proc> children = Proc.childrenOf(parent);
            if (children.size() != 1) {
                Checks.fail("ThreeConversationTest.notOneChild", children.size());
            }
            int child = children.get(0).pid();
            Signal.kill(parent, Signal.SIGSTOP);
            try {
                if (!Await.until(() -> Proc.of(parent) != null && Proc.of(parent).state() == 'T', TIMEOUT)) {
                    throw new IllegalStateException("SIGSTOP did not stop process " + parent);
                }
                type(s, SIX.get(0));
                // Now the child either waits on its own pipe for the parent, or (one pipe) reads its line back.
                boolean settled = Await.until(() -> blockedReadingAPipe(child) || s.stdout().contains("from Parent")
                        || Proc.ended(child), TIMEOUT);
                String out = s.stdout();
                if (out.contains("from Parent : " + SIX.get(0))) {
                    Checks.fail("ThreeConversationTest.readBack", SIX.get(0), shown(out));
                }
                if (!settled || !blockedReadingAPipe(child)) {
                    Checks.fail("ThreeConversationTest.noWait", shown(out));
                }
            } finally {
                Signal.kill(parent, Signal.SIGCONT);
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("a line longer than BUF_SIZE-1 (29) bytes arrives cut to 29 bytes, and the next line arrives whole")
    void aLongLineIsCutAndTheNextLineStaysWhole() {
        List<String> typed = List.of("short", "this line is much longer than thirty bytes", "next line", "x", "y", "z");
        List<String> arrives = new ArrayList<>(typed);
        arrives.set(1, typed.get(1).substring(0, 29));
        try (Started s = Run.listing(EXERCISE).stdin(text(typed)).timeout(TIMEOUT).start()) {
            expectConversation(finish(s, ""), Checks.text("ThreeConversationTest.fromAFileWithALongLine"), typed, arrives);
        }
    }

    @Test
    @Order(5)
    @DisplayName("stdin that ends after three lines: both processes stop, nothing waits forever")
    void inputThatEndsEarlyStopsBothProcesses() {
        List<String> three = SIX.subList(0, 3);
        try (Started s = Run.listing(EXERCISE).stdin(text(three)).timeout(TIMEOUT).start()) {
            Result r = finish(s, Checks.text("ThreeConversationTest.earlyEndHint"));
            String expected = conversation(three, three).stripTrailing();
            if (!r.stdout().startsWith(expected)) {
                Checks.fail("ThreeConversationTest.earlyEnd", expected, shown(r.stdout()));
            }
        }
    }

    /** What three rounds print when stdin gives the typed lines and the pipes carry what arrives. */
    static String conversation(List<String> typed, List<String> arrives) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < typed.size(); i++) {
            sb.append(i % 2 == 0 ? "Child : from Child : " : "Parent : from Parent : ").append(arrives.get(i)).append('\n');
        }
        return sb.toString();
    }

    private static void expectConversation(Result r, String how, List<String> typed, List<String> arrives) {
        String expected = conversation(typed, arrives);
        if (r.stdout().equals(expected)) return;
        boolean nothingCrossed = r.stdout().lines().filter(l -> l.contains("from ")).allMatch(l -> l.endsWith(" : "));
        String hint = nothingCrossed
                ? Checks.text("ThreeConversationTest.nothingCrossed")
                : r.stdout().contains("from Parent : " + arrives.get(0))
                ? Checks.text("ThreeConversationTest.ownLineBack")
                : Checks.text("ThreeConversationTest.linesMissing");
        Checks.fail("ThreeConversationTest.otherConversation", how, shown(r.stdout()).stripTrailing(), expected, hint);
    }

    /**
     * Waits for the program to end, then checks it ended in time, with status 0, leaving no process.
     * {@code hangHint} (already in the learner's words) is added to the message of a program that did not end.
     */
    private static Result finish(Started s, String hangHint) {
        return LearnerRun.finish(s, TIMEOUT, Checks.text("ThreeConversationTest.hung", TIMEOUT.toSeconds()) + hangHint,
                Checks.text("ThreeConversationTest.leftBehind"));
    }

    /** Waits until the prompt has started its n-th line of output. */
    private static void awaitPrompt(Started s, String prompt, int n) {
        if (!Await.until(() -> s.stdout().lines().filter(l -> l.startsWith(prompt)).count() >= n, TIMEOUT)) {
            Checks.fail("ThreeConversationTest.noPrompt", prompt, n, TIMEOUT.toSeconds(), shown(s.stdout()));
        }
    }

    /** True when a thread of the process is asleep in read(2) on a descriptor other than stdin. */
    private static boolean blockedReadingAPipe(int pid) {
        return Proc.syscalls(pid).stream().anyMatch(c -> c.state() == 'S' && c.nr() == Proc.Syscall.READ && c.args().get(0) != 0);
    }

    private static void type(Started s, String line) {
        try {
            s.stdin().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.stdin().flush();
        } catch (IOException e) {
            // the program already closed its stdin or ended: finish() reports what it printed
        }
    }

    private static void closeStdin(Started s) {
        try {
            s.stdin().close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** At most 30 lines of a program's output, for a message a learner can read. */
    private static String shown(String output) {
        return LearnerRun.shown(output);
    }

    private static List<String> sixLines() {
        try {
            return Files.readAllLines(Run.ROOT.resolve("exercises/ch11/three_conversation/six-lines.txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
