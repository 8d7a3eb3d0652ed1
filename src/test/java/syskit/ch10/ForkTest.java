package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;

class ForkTest {

    @Test
    void parentAndChildEachPrintTheirOwnCopyOfTheGlobalAndTheLocal() {
        Result r = Run.listing("ch10/fork").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        // 10 and 20 become 11 and 25 before the fork; then the child adds 2, the parent takes 2.
        assertThat(r.lines()).containsExactlyInAnyOrder("Child Proc: [13, 27]", "Parent Proc: [9, 23]");
        assertThat(r.survivors()).isEmpty();
    }
}
