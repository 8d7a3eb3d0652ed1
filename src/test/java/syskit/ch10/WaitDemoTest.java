package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

class WaitDemoTest {

    @Test
    void waitCollectsStatus3FromReturnAnd7FromExitAndLeavesNoZombie() {
        try (Run.Started s = Run.listing("ch10/wait", "3").start()) {
            assertThat(s.awaitOutput("Child send two", Duration.ofSeconds(15))).as(s.stdout()).isTrue();
            // the parent is in its final sleep: both children were reaped, none is left behind
            assertThat(Proc.childrenOf(s.pid())).isEmpty();

            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            List<String> lines = r.lines();
            assertThat(lines).hasSize(4);
            assertThat(lines.subList(0, 2)).allMatch(l -> l.matches("Child PID: \\d+"));
            // which child ends first is up to the scheduler
            assertThat(List.of(lines.get(2).replace("one", "#"), lines.get(3).replace("two", "#")))
                    .containsExactlyInAnyOrder("Child send #: 3", "Child send #: 7");
        }
    }
}
