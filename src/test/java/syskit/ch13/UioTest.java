package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch13/writev and ch13/readv against their C references: the same counts, the same split points. */
class UioTest {

    @Test
    void writevGathersABCAnd1234IntoSevenBytesAsC() {
        Result java = Run.listing("ch13/writev").run();
        Result c = Run.command(CReference.build("ch13/writev")).run();
        assertThat(java.stdout()).isEqualTo("ABC1234\nWrite bytes: 7 \n").isEqualTo(c.stdout());
        assertThat(java.exitStatus()).isZero().isEqualTo(c.exitStatus());
    }

    @Test
    void readvSplitsAfterFiveBytesWhateverTheInputAsC() {
        for (String input : List.of("I like TCP/IP socket programming~\n", "abc\n", "12345", "x".repeat(104), "")) {
            Result java = Run.listing("ch13/readv").stdin(input).run();
            Result c = Run.command(CReference.build("ch13/readv")).stdin(input).run();
            assertThat(java.stdout()).as("input '%s'", input).isEqualTo(c.stdout());
            assertThat(java.exitStatus()).isZero().isEqualTo(c.exitStatus());
        }
        Result r = Run.listing("ch13/readv").stdin("I like TCP/IP socket programming~\n").run();
        assertThat(r.stdout()).isEqualTo("Read bytes: 34 \nFirst message: I lik \nSecond message: e TCP/IP socket programming~\n \n");
    }

    @Test
    void readvTakesOnlyWhatHasArrivedInOneCall() throws Exception {
        // From a pipe (a terminal alike), readv returns what is there: the first write only.
        for (Run run : new Run[] {Run.listing("ch13/readv"), Run.command(CReference.build("ch13/readv"))}) {
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
