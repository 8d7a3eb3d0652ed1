package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
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

            Await.until(() -> Proc.ended(child), Duration.ofSeconds(10));
            Proc zombie = Proc.of(child);
            assertThat(zombie).as("child %d in /proc", child).isNotNull();
            assertThat(zombie.state()).isEqualTo('Z');
            assertThat(zombie.ppid()).isEqualTo(s.pid());

            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.lines()).containsExactlyInAnyOrder("Child Process ID: " + child,
                    "Hi I'm a child process", "End child process", "End parent process");
            // reaped by init, its new parent: the harness's SIGKILL cannot remove a zombie
            assertThat(Await.until(() -> Proc.of(child) == null, Duration.ofSeconds(10)))
                    .as("zombie %d still there after its parent ended", child).isTrue();
        }
    }

    @Test
    void aSleepThatIsNotANumberIsAUsageError() {
        Result r = Run.listing("ch10/zombie", "soon").run();
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("bad seconds 'soon': give a number of seconds (the book's is 30)\n");
    }
}
