package syskit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The Java twins of bench/c/*.c and the C twins themselves, each run once with a tiny count:
 * they finish, print one well-formed result line and leave no process behind. How fast they are
 * is never checked here; make bench measures that.
 */
class BenchTwinsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bench/lat_pipe | 200 | lat_pipe: \\d+\\.\\d\\d us per round trip \\(200 round trips\\)
            bench/bw_pipe  | 2   | bw_pipe: \\d+\\.\\d\\d MB/s \\(2097152 bytes in 65536-byte chunks\\)
            bench/fork     | 5   | fork: \\d+\\.\\d\\d us per fork\\+exit\\+wait \\(5 forks\\)
            """)
    void aTwinRunWithATinyCountPrintsOneResultLineAndLeavesNothingBehind(String id, String count, String line) {
        assertOneLine(Run.listing(id, count), line);
    }

    /** The JIT-profile benchmarks (two threads in one process), the Java twin and then the C twin. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lat_tcp     | 200  | lat_tcp: \\d+\\.\\d\\d us per round trip \\(200 round trips\\)
            lat_tcp_nio | 200  | lat_tcp_nio: \\d+\\.\\d\\d us per round trip \\(200 round trips\\)
            bw_tcp      | 1 1  | bw_tcp: \\d+\\.\\d\\d MB/s \\(1048576 bytes in 65536-byte writes\\)
            mutex       | 1000 | mutex: \\d+\\.\\d\\d ns per lock\\+unlock pair \\(2 threads x 1000 pairs\\)
            """)
    void aThreadedTwinAndItsCTwinEachPrintOneResultLine(String name, String args, String line) {
        assertOneLine(Run.listing("bench/" + name, args.split(" ")), line);
        if (name.endsWith("_nio")) return; // the C twin of lat_tcp_nio is lat_tcp's
        String[] c = (cTwin(name) + " " + args).split(" ");
        assertOneLine(Run.command(c), line);
    }

    @Test
    void theForkOptionsOfTheMeasurementsRunToo() {
        assertOneLine(Run.listing("bench/fork", "3", "write", "prelink", "collapse-once"),
                "fork: \\d+\\.\\d\\d us per fork\\+exit\\+wait \\(3 forks, the child writes first, linked in the parent first,"
                        + " MADV_COLLAPSE once: .*\\)");
    }

    @Test
    void theDowncallBreakdownPrintsOneLinePerHandleShapeInBothProfiles() {
        for (String id : new String[] {"bench/downcall", "bench/downcall_jit"}) {
            Result r = Run.listing(id, "100").timeout(Duration.ofSeconds(60)).run();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.lines()).as(r.toString()).hasSize(12)
                    .allMatch(l -> l.matches("downcall: \\d+\\.\\d\\d (ns|bytes allocated) per (call|write\\+read pair) \\(.+\\)"));
            assertThat(r.stdout()).contains("ns per call (getpid, errno captured)")
                    .contains("ns per write+read pair (kit calls, errno captured)")
                    .contains("ns per write+read pair (generated wrappers)")
                    .contains("bytes allocated per write+read pair (kit calls");
        }
        assertOneLineEach(Run.command(cTwin("downcall"), "100"), "downcall: \\d+\\.\\d\\d ns per (call \\(getpid\\)|write\\+read pair)", 2);
    }

    /** The JVM that make bench times next to bin/syskit ch11/pipe1 (ratio start java/jvm). */
    @Test
    void theHelloWorldJvmOfTheStartRatioRunsInTheForkSafeProfile() {
        Result r = Run.command(Run.JAVA, "@" + Run.CLASSES.resolve("syskit/jvm-fork.options"), "-cp", Run.CLASSES.toString(),
                "syskit.bench.Hello").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aCountThatIsNotPositiveIsAUsageErrorWithoutAStackTrace() {
        Result r = Run.listing("bench/fork", "0").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("usage: bench/fork [N").doesNotContain("Exception");
        assertThat(r.stdout()).isEmpty();
    }

    private static void assertOneLine(Run run, String line) {
        assertOneLineEach(run, line, 1);
    }

    private static void assertOneLineEach(Run run, String line, int lines) {
        Result r = run.timeout(Duration.ofSeconds(60)).run();
        assertThat(r.hung()).as("hung: %s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).as(r.toString()).hasSize(lines).allMatch(l -> l.matches(line));
        assertThat(r.stderr()).as(r.toString()).isEmpty();
        assertThat(r.survivors()).isEmpty();
    }

    /** bench/c/NAME.c, compiled by bin/cref (the kit's one C recipe). */
    private static String cTwin(String name) {
        return CReference.build("bench/" + name);
    }
}
