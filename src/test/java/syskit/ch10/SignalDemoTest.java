package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;

class SignalDemoTest {

    @Test
    void eachAlarmCutsASleep100ShortSoThreeRoundsEndWithin20Seconds() {
        Result r = Run.listing("ch10/signal").timeout(Duration.ofSeconds(20)).run();
        assertThat(r.hung()).as("still running after 20 s: sleep(100) was not cut short\n%s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("wait...", "Time out!", "wait...", "Time out!", "wait...", "Time out!");
    }

    @Test
    void sigintRunsTheKeycontrolHandlerInsteadOfEndingTheProgram() {
        try (Run.Started s = Run.listing("ch10/signal").start()) {
            // "wait..." comes after both signal() calls: the handler is in place
            assertThat(s.awaitOutput("wait...", Duration.ofSeconds(15))).as(s.stdout()).isTrue();
            s.signal(Signal.SIGINT);
            Result r = s.await();
            assertThat(r.hung()).as(r.toString()).isFalse();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            // the handler cut a sleep(100) short: the next round began at once
            assertThat(r.lines()).containsSubsequence("wait...", "CTRL+C pressed", "wait...");
            assertThat(r.lines()).filteredOn("wait..."::equals).hasSize(3);
            assertThat(r.lines()).filteredOn("CTRL+C pressed"::equals).hasSize(1);
        }
    }
}
