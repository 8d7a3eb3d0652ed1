package syskit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The Java twins of bench/c/*.c, each run with a tiny count through the launcher: they finish,
 * print one well-formed result line and leave no process behind. How fast they are is never
 * checked here; make bench measures that.
 */
class BenchTwinsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bench/lat_pipe | 200 | lat_pipe: \\d+\\.\\d\\d us per round trip \\(200 round trips\\)
            bench/bw_pipe  | 2   | bw_pipe: \\d+\\.\\d\\d MB/s \\(2097152 bytes in 65536-byte chunks\\)
            bench/fork     | 5   | fork: \\d+\\.\\d\\d us per fork\\+exit\\+wait \\(5 forks\\)
            """)
    void aTwinRunWithATinyCountPrintsOneResultLineAndLeavesNothingBehind(String id, String count, String line) {
        Result r = Run.listing(id, count).timeout(Duration.ofSeconds(60)).run();
        assertThat(r.hung()).as("hung: %s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).as(r.toString()).singleElement().asString().matches(line);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void theDowncallBreakdownPrintsOneLinePerHandleShape() {
        Result r = Run.listing("bench/downcall", "100").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(9)
                .allMatch(l -> l.matches("downcall: \\d+\\.\\d\\d (ns|bytes allocated) per (call|write\\+read pair) \\(.+\\)"));
        assertThat(r.stdout()).contains("ns per call (getpid, errno captured)").contains("bytes allocated per write+read pair (kit calls");
    }

    @Test
    void aCountThatIsNotPositiveIsAUsageErrorWithoutAStackTrace() {
        Result r = Run.listing("bench/fork", "0").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("usage: bench/fork [N]").doesNotContain("Exception");
        assertThat(r.stdout()).isEmpty();
    }
}
