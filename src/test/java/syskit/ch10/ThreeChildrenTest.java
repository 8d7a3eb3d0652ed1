package syskit.ch10;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import syskit.harness.LearnerRun;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The checks of the exercise ch10/three_children (exercises/ch10/three_children/README.md).
 * Children sleep 2, 0 and 1 s and exit with 10, 20 and 30, so they end in the order 20, 30, 10:
 * a second between two ends is far more than a fork takes, so the order is certain.
 */
@Tag("exercise")
@Tag(ThreeChildrenTest.EXERCISE)
class ThreeChildrenTest {
    static final String EXERCISE = "ch10/three_children";

    @Test
    @DisplayName("the three exit codes come in the order the children end: 20, 30, 10")
    void theCodesComeInTheOrderTheChildrenEnd() {
        Result r = finish();
        List<Integer> codes = sent(r).stream().map(l -> l[1]).toList();
        if (codes.equals(List.of(20, 30, 10))) return;
        if (codes.equals(List.of(10, 20, 30))) {
            fail("Your parent printed the codes in the order you forked them (10, 20, 30), but the children end "
                    + "in the order 20, 30, 10. waitpid(pid, ...) waits for that one child, however long it takes; "
                    + "wait(status), or waitpid(-1, ...), returns whichever child ends first.%n%nOutput:%n%s", r.stdout());
        }
        fail("Expected three lines 'Child <pid> send: <code>' with the codes 20, 30, 10 in that order, "
                + "but the codes were %s.%n%nOutput:%n%s", codes, r.stdout());
    }

    @Test
    @DisplayName("each code is printed with the pid of the child that sent it")
    void eachCodeIsPrintedWithThePidOfItsChild() {
        Result r = finish();
        List<Integer> forked = r.lines().stream().filter(l -> l.startsWith("Child PID: "))
                .map(l -> Integer.parseInt(l.substring("Child PID: ".length()).trim())).toList();
        if (forked.size() != 3) fail("Expected three lines 'Child PID: <pid>', one per fork.%n%nOutput:%n%s", r.stdout());
        List<int[]> sent = sent(r);
        if (sent.size() != 3) fail("Expected three lines 'Child <pid> send: <code>'.%n%nOutput:%n%s", r.stdout());
        for (int[] s : sent) {
            int born = s[1] / 10 - 1;   // 10: first forked, 20: second, 30: third
            if (born < 0 || born > 2 || forked.get(born) != s[0]) {
                fail("'Child %d send: %d' names the wrong child: code %d comes from the child forked %s, pid %s. "
                        + "Print the pid that wait() returned together with the status it filled in.%n%nOutput:%n%s",
                        s[0], s[1], s[1], born == 0 ? "first" : born == 1 ? "second" : "third",
                        born >= 0 && born <= 2 ? forked.get(born) : "?", r.stdout());
            }
        }
    }

    /** Runs the answer; fails unless it ended with status 0, in time, leaving no process behind. */
    private static Result finish() {
        try (Run.Started s = Run.listing(EXERCISE).timeout(Duration.ofSeconds(15)).start()) {
            return LearnerRun.finish(s, Duration.ofSeconds(15),
                    "Your program did not end within 15 s: does the parent wait for more children than it has?",
                    "Your parent ended while children were still running: collect all three before main returns.");
        }
    }

    /** The lines 'Child <pid> send: <code>' as {pid, code}, in output order. */
    private static List<int[]> sent(Result r) {
        return r.lines().stream().filter(l -> l.matches("Child \\d+ send: \\d+")).map(l -> {
            String[] f = l.split(" ");
            return new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[3])};
        }).toList();
    }
}
