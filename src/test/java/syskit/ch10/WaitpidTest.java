package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;

class WaitpidTest {

    @Test
    void theParentPollsEvery3SecondsUntilTheChildEndsWith24() {
        Result r = Run.listing("ch10/waitpid").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.getLast()).isEqualTo("Child send 24");
        // the child sleeps 15 s: 5 polls of 3 s, one more if the child ends just after the fifth
        assertThat(lines.subList(0, lines.size() - 1)).hasSizeBetween(4, 7).containsOnly("sleep 3sec.");
        assertThat(r.survivors()).isEmpty();
    }
}
