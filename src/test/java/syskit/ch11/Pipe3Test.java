package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.PipeTrace;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch11/pipe3, two pipes, one per direction: the exchange always completes, in the same order. */
class Pipe3Test {
    static final String EXPECTED = "Parent proc output : Who are you?\nChild proc output : Thank you for your message\n";

    @Test
    void theParentPrintsTheQuestionThenTheChildTheAnswer() throws IOException {
        Result r = Run.listing("ch11/pipe3").run();
        assertThat(r.hung()).as(r.toString()).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(EXPECTED)
                .isEqualTo(Files.readString(Run.ROOT.resolve("chapters/ch11/expected/pipe3.out")));
        assertThat(r.survivors()).isEmpty();
    }

    /** Four runs at a time, as four terminals would (the runs are independent processes). */
    @Test
    void aHundredRunsNeitherHangNorDiffer() {
        List<String> bad = new ArrayList<>();
        for (int batch = 0; batch < 25; batch++) {
            List<Run> four = new ArrayList<>();
            for (int k = 0; k < 4; k++) four.add(Run.listing("ch11/pipe3").timeout(Duration.ofSeconds(30)));
            List<Result> results = Run.all(four);
            for (int k = 0; k < 4; k++) {
                Result r = results.get(k);
                if (r.hung() || r.exitStatus() != 0 || !r.stdout().equals(EXPECTED) || !r.survivors().isEmpty()) {
                    bad.add("run " + (batch * 4 + k + 1) + ": " + r);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void eachProcessReadsOnlyWhatTheOtherWrote() {
        PipeTrace t = PipeTrace.of(Run.listing("ch11/pipe3"), "fds1", "fds2");
        assertThat(t.lines()).containsExactly(
                "parent read fds1[0] \"Who are you?\\0\" (13 bytes)",
                "parent write fds2[1] \"Thank you for your message\\0\" (27 bytes)",
                "child write fds1[1] \"Who are you?\\0\" (13 bytes)",
                "child read fds2[0] \"Thank you for your message\\0\" (27 bytes)");
        assertThat(t.childExitStatus()).isEqualTo(0);

        PipeTrace cpp = PipeTrace.of(Lang.C.run("ch11/pipe3"), "fds1", "fds2");
        assertThat(t.lines()).as("the same bytes as the C++ reference").isEqualTo(cpp.lines());
        assertThat(t.result().stdout()).isEqualTo(cpp.result().stdout());
        assertThat(t.result().exitStatus()).isEqualTo(cpp.result().exitStatus());
        assertThat(t.childExitStatus()).isEqualTo(cpp.childExitStatus());
    }
}
