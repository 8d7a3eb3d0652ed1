package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

class ZombieTest {

    @Test
    void theEndedChildIsAZombieWhileTheParentSleepsAndGoneOnceTheParentEnds() {
        try (Run.Started s = Run.listing("ch10/zombie", "8").start()) {
            assertThat(s.awaitOutput("End child process", Duration.ofSeconds(15))).as(s.stdout()).isTrue();
            int child = Integer.parseInt(s.stdout().lines().filter(l -> l.startsWith("Child Process ID: "))
                    .findFirst().orElseThrow().substring("Child Process ID: ".length()).trim());

            Proc zombie = awaitState(child, 'Z');
            assertThat(zombie).as("child %d in /proc", child).isNotNull();
            assertThat(zombie.state()).isEqualTo('Z');
            assertThat(zombie.ppid()).isEqualTo(s.pid());

            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.lines()).containsExactlyInAnyOrder("Child Process ID: " + child,
                    "Hi I'm a child process", "End child process", "End parent process");
            assertThat(awaitGone(child)).as("zombie %d still there after its parent ended", child).isTrue();
        }
    }

    @Test
    void aSleepThatIsNotANumberIsAUsageError() {
        Result r = Run.listing("ch10/zombie", "soon").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).contains("usage: zombie [seconds]").doesNotContain("Exception");
    }

    /** The process once it is in that state (it ends within a second or so), or whatever it is then. */
    static Proc awaitState(int pid, char state) {
        long end = System.nanoTime() + 10_000_000_000L;
        Proc p = Proc.of(pid);
        while (p != null && p.state() != state && System.nanoTime() < end) {
            pause();
            p = Proc.of(pid);
        }
        return p;
    }

    /** True once /proc no longer has the process: its new parent (init) reaped it. */
    static boolean awaitGone(int pid) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (Proc.of(pid) != null && System.nanoTime() < end) pause();
        return Proc.of(pid) == null;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
