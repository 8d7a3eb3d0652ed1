package syskit.ch10;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;

/**
 * The checks of the exercise ch10/no_zombie (exercises/ch10/no_zombie/README.md). To make
 * SIGCHLDs merge for certain, not by chance, the second check stops the parent (SIGSTOP) while
 * its five children end, then lets it go on (SIGCONT): it then finds one pending SIGCHLD for
 * five ended children, as a busy parent in C would.
 */
@Tag("exercise")
@Tag(NoZombieTest.EXERCISE)
class NoZombieTest {
    static final String EXERCISE = "ch10/no_zombie";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    @DisplayName("every child is reaped, its exit code printed, and the program ends")
    void everyChildIsReapedAndItsCodePrinted() {
        try (Run.Started s = Run.listing(EXERCISE).timeout(TIMEOUT).start()) {
            Result r = s.await();
            expectAllFiveReaped(r);
        }
    }

    @Test
    @DisplayName("children that end while the parent is stopped are all reaped once it goes on")
    void childrenEndingWhileTheParentIsStoppedAreAllReaped() {
        try (Run.Started s = Run.listing(EXERCISE).timeout(TIMEOUT).start()) {
            if (!s.awaitOutput("wait...", Duration.ofSeconds(15))) {
                Checks.fail("NoZombieTest.noWait", s.stdout());
            }
            int parent = s.pid();
            Signal.kill(parent, Signal.SIGSTOP);
            boolean allEnded = Await.until(() -> Proc.childrenOf(parent).stream().filter(Proc::zombie).count() == 5,
                    Duration.ofSeconds(10));
            Signal.kill(parent, Signal.SIGCONT);
            if (!allEnded) {
                Checks.fail("NoZombieTest.notEnded", Proc.childrenOf(parent), s.stdout());
            }
            // Going on, the parent finds ONE pending SIGCHLD for five ended children.
            Await.until(() -> !s.alive() || Proc.childrenOf(parent).isEmpty(), Duration.ofSeconds(5));
            List<Proc> zombies = Proc.childrenOf(parent).stream().filter(Proc::zombie).toList();
            if (s.alive() && !zombies.isEmpty()) {
                Checks.fail("NoZombieTest.stillZombies", zombies.size(), s.stdout());
            }
            expectAllFiveReaped(s.await());
        }
    }

    private static void expectAllFiveReaped(Result r) {
        if (r.hung()) Checks.fail("NoZombieTest.hung", TIMEOUT.toSeconds(), r.stdout());
        List<String> codes = r.lines().stream().filter(l -> l.startsWith("Child send: ")).sorted().toList();
        if (!codes.equals(List.of("Child send: 10", "Child send: 11", "Child send: 12", "Child send: 13", "Child send: 14"))
                || !r.lines().contains("reaped 5 of 5")) {
            Checks.fail("NoZombieTest.notAllReaped", r.stdout());
        }
        if (r.exitStatus() != 0) {
            Checks.fail("NoZombieTest.status", r.exitStatus(), r.stdout(), r.stderr());
        }
    }
}
