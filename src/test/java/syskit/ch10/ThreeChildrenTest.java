package syskit.ch10;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import syskit.harness.Checks;
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
            Checks.fail("ThreeChildrenTest.forkOrder", r.stdout());
        }
        Checks.fail("ThreeChildrenTest.otherOrder", codes, r.stdout());
    }

    @Test
    @DisplayName("each code is printed with the pid of the child that sent it")
    void eachCodeIsPrintedWithThePidOfItsChild() {
        Result r = finish();
        List<Integer> forked = r.lines().stream().filter(l -> l.startsWith("Child PID: "))
                .map(l -> Integer.parseInt(l.substring("Child PID: ".length()).trim())).toList();
        if (forked.size() != 3) Checks.fail("ThreeChildrenTest.notThreeForked", r.stdout());
        List<int[]> sent = sent(r);
        if (sent.size() != 3) Checks.fail("ThreeChildrenTest.notThreeSent", r.stdout());
        for (int[] s : sent) {
            int born = s[1] / 10 - 1;   // 10: first forked, 20: second, 30: third
            if (born < 0 || born > 2 || forked.get(born) != s[0]) {
                Checks.fail("ThreeChildrenTest.wrongChild",
                        s[0], s[1], s[1], Checks.text(born == 0 ? "ThreeChildrenTest.first"
                                : born == 1 ? "ThreeChildrenTest.second" : "ThreeChildrenTest.third"),
                        born >= 0 && born <= 2 ? forked.get(born) : "?", r.stdout());
            }
        }
    }

    /** Runs the answer; fails unless it ended with status 0, in time, leaving no process behind. */
    private static Result finish() {
        try (Run.Started s = Run.listing(EXERCISE).timeout(Duration.ofSeconds(15)).start()) {
            return LearnerRun.finish(s, Duration.ofSeconds(15),
                    Checks.text("ThreeChildrenTest.hung"), Checks.text("ThreeChildrenTest.leftBehind"));
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
