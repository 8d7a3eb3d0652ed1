package syskit.ch12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch12/select and its C reference: the time-out, a typed line, and the spin at end of input. */
class SelectDemoTest {
    static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void silencePrintsTimeOutAndALineTypedInTimeIsEchoed() throws Exception {
        // Java and C side by side, each with a 1 s timeout instead of 5.
        try (Run.Started java = Run.listing("ch12/select", "1").stdinPipe().timeout(Duration.ofSeconds(60)).start();
             Run.Started c = Lang.C.run("ch12/select", "1").stdinPipe().timeout(Duration.ofSeconds(60)).start()) {
            for (Run.Started s : new Run.Started[] {java, c}) {
                assertThat(s.awaitOutput("Time-out!\n", WITHIN)).as(s.stdout()).isTrue();
                type(s.stdin(), "hello select\n");
                assertThat(s.awaitOutput("message from console: hello select\n", WITHIN)).as(s.stdout()).isTrue();
            }
            for (Run.Started s : new Run.Started[] {java, c}) {
                assertThat(s.stdout()).as("only time-outs before the line, as many as the seconds that passed")
                        .matches("(Time-out!\n)+message from console: hello select\n(Time-out!\n)*");
                assertThat(s.alive()).as("select never ends by itself").isTrue();
            }
        }
    }

    @Test
    void atTheEndOfInputItSpinsPrintingEmptyMessagesInCAsInJava() {
        // stdin is an empty file, as /dev/null: fd 0 is "ready" at once, every time, and read
        // returns 0. In 1 s of timeout there is no Time-out!, but thousands of empty messages.
        String spin = "message from console: ".repeat(1000);
        for (Run run : new Run[] {Run.listing("ch12/select", "1"), Lang.C.run("ch12/select", "1")}) {
            try (Run.Started s = run.stdin("").timeout(Duration.ofSeconds(30)).start()) {
                assertThat(s.awaitOutput(spin, WITHIN)).as("1000 empty messages").isTrue();
                Result r = s.kill();
                assertThat(r.hung()).as("still spinning when killed").isTrue();
                assertThat(r.stdout()).doesNotContain("Time-out!").doesNotContain("\n");
            }
        }
    }

    @Test
    void badArgumentsAndAFullBufferEndWithOneLine() {
        Result bad = Run.listing("ch12/select", "soon").run();
        assertThat(bad.exitStatus()).isEqualTo(1);
        assertThat(bad.stderr()).isEqualTo("bad timeout 'soon': give a number of seconds (the book's is 5)\n");
        // 30 bytes fill buf; the book then writes its NUL at buf[30], past the end. C does it
        // silently; the kit stops at that line.
        Result full = Run.listing("ch12/select", "1").stdin("123456789012345678901234567890").run();
        assertThat(full.exitStatus()).isEqualTo(1);
        assertThat(full.stderr()).startsWith("syskit: ch12/select: an index past the end of a buffer (SelectDemo.java:")
                .contains("byteSize: 30 }; new offset = 30");
    }

    private static void type(OutputStream in, String line) throws IOException {
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
