package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tool;

/**
 * The runtime for the whole book: the catalogue picks each listing's JVM profile, one JVM start
 * per run, errno per thread, SIGPIPE as in C, and buffer overruns stopped with one line. Each
 * check runs a kit program (src/main/java/syskit/kit) as a real process.
 */
class RuntimeProfilesTest {
    private static final String SIGPIPE_C = "kit/sigpipe";

    @Test
    void bin_syskitStartsTheJvmOnceInTheListingsProfile(@TempDir Path tmp) throws IOException {
        Tool.assumeInstalled("strace", "count the execve calls of one run");
        Path trace = tmp.resolve("execve.txt");
        Result r = Run.command(Run.ROOT.resolve("bin/syskit").toString(), "ch11/pipe1")
                .under("strace", "-f", "-q", "-v", "-s", "400", "-e", "trace=execve", "-e", "signal=none", "-o", trace.toString()).run();
        assertThat(r.stdout()).isEqualTo("Who are you?\n");
        List<String> javas = Files.readAllLines(trace).stream()
                .filter(l -> l.matches(".*execve\\(\"[^\"]*/bin/java\".* = 0$")).toList();
        assertThat(javas).as("successful execve of java").hasSize(1);
        assertThat(javas.get(0)).contains("jvm-fork.options");
    }

    @Test
    void aListingThatForksInTheJitProfileIsRefusedBeforeAnythingForks() {
        Result r = Run.listing("kit/jitfork").run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEqualTo("about to fork\n");
        assertThat(r.stderr().lines().toList()).as("one sentence, no stack trace").hasSize(1);
        assertThat(r.stderr()).contains("fork() refused").contains("'jit' profile").contains("listings.tsv");
    }

    @Test
    void everyThreadSeesItsOwnErrno() {
        Result r = Run.listing("kit/errno_threads", "20000").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("4 threads, 80000 failing calls, 0 saw another thread's errno");
    }

    @Test
    void aWriteToAClosedConnectionKillsBySigpipeAsInC() {
        String c = CReference.build(SIGPIPE_C);
        for (Run run : List.of(Run.listing("kit/sigpipe"), Run.command(c))) {
            Result r = run.run();
            assertThat(r.signal()).as("killed by SIGPIPE: %s", r).isEqualTo(13);
            assertThat(r.stdout()).isEqualTo("write 1\nwrite 2\n");
        }
    }

    @Test
    void withSigpipeIgnoredTheWriteFailsWithEpipeAsInC() {
        String c = CReference.build(SIGPIPE_C);
        for (Run run : List.of(Run.listing("kit/sigpipe", "ignore"), Run.command(c, "ignore"))) {
            Result r = run.run();
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("write: Broken pipe\n");
        }
    }

    @Test
    void aReadLargerThanItsBufferStopsWithOneLineNamingTheCall() {
        Result r = Run.listing("kit/overrun", "read").stdin("x".repeat(200)).run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr().lines().toList()).hasSize(1);
        assertThat(r.stderr()).contains("read(0, buf, 100)").contains("30 bytes").contains("Overrun.java");
    }

    @Test
    void anIndexPastTheEndOfABufferStopsWithOneLineNamingTheLine() {
        Result r = Run.listing("kit/overrun", "index").run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr().lines().toList()).hasSize(1);
        assertThat(r.stderr()).contains("past the end of a buffer").contains("Overrun.java:21").contains("byteSize: 30");
    }

    /** As C: SIGSEGV (no JVM abort with its report), after one line naming the call and the listing's line. */
    @Test
    void aNullStreamOrStringDiesOfSigsegvAfterOneLine(@TempDir Path dir) throws IOException {
        for (String[] c : new String[][] {{"stream", "fputs: the stream is NULL (NullPtr.java:25)"}, {"strcpy", "strcpy: src is NULL (NullPtr.java:23)"}}) {
            Result r = Run.listing("kit/nullptr", c[0]).dir(dir).run();
            assertThat(r.signal()).as(r.toString()).isEqualTo(11);
            assertThat(r.stdout()).as(r.toString()).isEmpty();
            assertThat(r.stderr().lines().toList()).as(r.toString()).hasSize(1);
            assertThat(r.stderr()).startsWith(c[1]).endsWith("C would read address 0: Segmentation fault\n");
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).as("files left in the listing's folder (a JVM crash report?)").isEmpty();
        }
    }

    @Test
    void aStrcpyPastItsBufferNamesTheListingsLineNotTheKits() {
        Result r = Run.listing("kit/nullptr", "long").run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr().lines().toList()).hasSize(1);
        assertThat(r.stderr()).contains("strcpy(dest, src): src is 41 bytes with its NUL, dest 30").contains("(NullPtr.java:24)");
    }
}
