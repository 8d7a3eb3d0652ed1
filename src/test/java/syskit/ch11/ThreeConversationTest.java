package syskit.ch11;

import static org.assertj.core.api.Assertions.fail;

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
            expectConversation(finish(s, ""), "from a file", SIX, SIX);
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
            expectConversation(finish(s, ""), "typed one line at a time", SIX, SIX);
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
                fail("When 'Child : ' showed, your parent process had %d child processes; expected exactly one: "
                        + "fork once, before the loops.", children.size());
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
                    fail("The parent was stopped, yet your child printed 'from Parent : %s': it read back the line it "
                            + "had just sent.%n%nWith ONE pipe for both directions, a message goes to whichever process "
                            + "reads first, and the sender itself may be first. Use two pipes, one per direction: "
                            + "fds1 for child -> parent, fds2 for parent -> child.%n%nOutput:%n%s", SIX.get(0), shown(out));
                }
                if (!settled || !blockedReadingAPipe(child)) {
                    fail("After sending its first line, your child should wait (read) on its pipe for the parent's "
                            + "reply, but it did not.%n%nOutput:%n%s", shown(out));
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
            expectConversation(finish(s, ""), "from a file with a long second line", typed, arrives);
        }
    }

    @Test
    @Order(5)
    @DisplayName("stdin that ends after three lines: both processes stop, nothing waits forever")
    void inputThatEndsEarlyStopsBothProcesses() {
        List<String> three = SIX.subList(0, 3);
        try (Started s = Run.listing(EXERCISE).stdin(text(three)).timeout(TIMEOUT).start()) {
            Result r = finish(s, "%n%nWhen stdin ends, Stdio.getline returns -1: stop talking (break), and the other "
                    + "process must see the end too. A read on a pipe returns 0 only once EVERY copy of its write end "
                    + "is closed, the reader's own copy included: close the ends a process does not use right after "
                    + "fork, the parent closes fds2[1] before waitpid, and a read that returns 0 ends the loop.");
            String expected = conversation(three, three).stripTrailing();
            if (!r.stdout().startsWith(expected)) {
                fail("With stdin from a file of three lines, your program should still talk for a round and a half:"
                        + "%n%n%s%n%nbut it printed:%n%n%s", expected, shown(r.stdout()));
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
                ? "Nothing crossed from one process to the other: every 'from ...' line is empty. Create the two "
                  + "pipes before the fork, write each line into one, and read it from there in the other process."
                : r.stdout().contains("from Parent : " + arrives.get(0))
                ? "The child got its own first line back: with one pipe for both directions a message goes to "
                  + "whichever process reads first. Use two pipes, one per direction."
                : "Lines went missing or reached the wrong process. Each process must take exactly one line per turn "
                  + "from the stdin both share. System.in, a Scanner or a BufferedReader read up to 8 KB at once and "
                  + "keep the other process's lines in their own buffer; Stdio.getline(buf, BUF_SIZE) reads one byte "
                  + "at a time up to the newline. Send what getline stored with its NUL (strlen(buf) + 1 bytes), "
                  + "so that even an empty line is a message.";
        fail("With stdin %s, your program printed:%n%n%s%n%nbut three rounds look like this:%n%n%s%n%s",
                how, shown(r.stdout()).stripTrailing(), expected, hint);
    }

    /**
     * Waits for the program to end, then checks it ended in time, with status 0, leaving no process.
     * {@code hangHint} is added to the message of a program that did not end.
     */
    private static Result finish(Started s, String hangHint) {
        return LearnerRun.finish(s, TIMEOUT, String.format("Your program did not end within %d s, so the check stopped it. "
                + "A process still waits: for a line on stdin, for its partner on a pipe, or for a child that never ends "
                + "(does the child's loop stop after three rounds?).", TIMEOUT.toSeconds()) + String.format(hangHint),
                "Your parent process ended while its child was still running: the parent must wait for the "
                + "child (waitpid) before it returns, so the child's last line is printed and nothing is left behind.");
    }

    /** Waits until the prompt has started its n-th line of output. */
    private static void awaitPrompt(Started s, String prompt, int n) {
        if (!Await.until(() -> s.stdout().lines().filter(l -> l.startsWith(prompt)).count() >= n, TIMEOUT)) {
            fail("The prompt '%s' (round %d) did not show within %d s. Print the prompt, then read the line: "
                    + "Stdio.getline flushes System.out before it waits, so the prompt shows first (with another way "
                    + "of reading, call System.out.flush() yourself).%n%nOutput so far:%n%s",
                    prompt, n, TIMEOUT.toSeconds(), shown(s.stdout()));
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
