package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;

class SigactionDemoTest {

    @Test
    void theSigactionHandlerCutsEachSleepShortAndTheProgramEndsWithin20Seconds() {
        Result r = Run.listing("ch10/sigaction").timeout(Duration.ofSeconds(20)).run();
        assertThat(r.hung()).as("still running after 20 s: sleep(100) was not cut short\n%s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("wait...", "Time out!", "wait...", "Time out!", "wait...", "Time out!");
    }

    @Test
    void sigintHasNoHandlerHereSoItEndsTheProgramAsInC() {
        try (Run.Started s = Run.listing("ch10/sigaction").start()) {
            assertThat(s.awaitOutput("wait...", Duration.ofSeconds(15))).as(s.stdout()).isTrue();
            s.signal(Signal.SIGINT);
            Result r = s.await();
            assertThat(r.hung()).as(r.toString()).isFalse();
            assertThat(r.signal()).as(r.toString()).isEqualTo(Signal.SIGINT);
            assertThat(r.lines()).filteredOn("wait..."::equals).hasSizeLessThan(3);
        }
    }
}
