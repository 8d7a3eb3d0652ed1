package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch13/writev and ch13/readv against their C references: the same counts, the same split points. */
class UioTest {

    @Test
    void writevGathersABCAnd1234IntoSevenBytesAsC() throws IOException {
        Result java = Run.listing("ch13/writev").run();
        Result c = Lang.C.run("ch13/writev").run();
        assertThat(java.stdout()).isEqualTo("ABC1234\nWrite bytes: 7 \n").isEqualTo(c.stdout())
                .isEqualTo(Files.readString(Run.ROOT.resolve("chapters/ch13/expected/writev.out")));
        assertThat(java.exitStatus()).isZero().isEqualTo(c.exitStatus());
    }

    @Test
    void readvSplitsAfterFiveBytesWhateverTheInputAsC() {
        List<String> inputs = List.of("I like TCP/IP socket programming~\n", "abc\n", "12345", "x".repeat(104), "");
        List<Run> runs = new ArrayList<>();
        for (String input : inputs) {
            runs.add(Run.listing("ch13/readv").stdin(input));
            runs.add(Lang.C.run("ch13/readv").stdin(input));
        }
        List<Result> r = Run.all(runs.toArray(Run[]::new));
        for (int i = 0; i < inputs.size(); i++) {
            Result java = r.get(2 * i), c = r.get(2 * i + 1);
            assertThat(java.stdout()).as("input '%s'", inputs.get(i)).isEqualTo(c.stdout());
            assertThat(java.exitStatus()).isZero().isEqualTo(c.exitStatus());
        }
        assertThat(r.get(0).stdout()).isEqualTo("Read bytes: 34 \nFirst message: I lik \nSecond message: e TCP/IP socket programming~\n \n");
        assertThat(r.get(2).stdout()).isEqualTo("Read bytes: 4 \nFirst message: abc\n \nSecond message:  \n");
        assertThat(r.get(8).stdout()).isEqualTo("Read bytes: 0 \nFirst message:  \nSecond message:  \n");
    }

    @Test
    void readvTakesOnlyWhatHasArrivedInOneCall() throws Exception {
        // From a pipe (a terminal alike), readv returns what is there: the first write only.
        for (Run run : new Run[] {Run.listing("ch13/readv"), Lang.C.run("ch13/readv")}) {
            try (Run.Started s = run.stdinPipe().timeout(Duration.ofSeconds(20)).start()) {
                OutputStream in = s.stdin();
                in.write("abcdefgh".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                Result r = s.await();
                assertThat(r.stdout()).isEqualTo("Read bytes: 8 \nFirst message: abcde \nSecond message: fgh \n");
            }
        }
    }
}
