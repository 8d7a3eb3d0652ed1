package syskit.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * The learner's loop, through make as a learner types it: nothing rebuilt when nothing changed,
 * stdin reaching the listing, the README's server-and-client line, a typo, a closed stdin.
 * The suite's own build (mvn, then bin/aot) leaves the stamp current, so these makes build nothing.
 */
@Execution(ExecutionMode.CONCURRENT)   // independent runs: none of them builds or changes the tree
class LearnerLoopTest {
    static final Duration LIMIT = Duration.ofSeconds(60);   // a make that has to build takes a while

    /** make as typed in a terminal: no make above it (CI runs the suite under `make test`, whose flags would leak in). */
    static Run make(String... args) {
        StringBuilder line = new StringBuilder("make");
        for (String a : args) line.append(" '").append(a.replace("'", "'\\''")).append('\'');
        return shell(line.toString());
    }

    /** A line typed in a terminal: no make above it. */
    static Run shell(String line) {
        return Run.command("bash", "-c", "unset MAKEFLAGS MFLAGS MAKELEVEL; " + line).timeout(LIMIT);
    }

    /** What a build leaves: Maven's log (only make's build step writes it) and the build's stamp. */
    static List<String> buildTraces() throws IOException {
        return List.of(stateOf(Run.ROOT.resolve("target/build.log")), stateOf(Run.ROOT.resolve("target/aot/built")),
                stateOf(Run.ROOT.resolve("target/aot/current")));
    }

    static String stateOf(Path p) throws IOException {
        if (!Files.exists(p)) return p.getFileName() + ": none";
        FileTime t = Files.getLastModifiedTime(p);
        return p.getFileName() + ": " + t + " -> " + p.toRealPath();
    }

    @Test
    void makeRunWithNothingChangedRunsNoMavenAndRetrainsNothing() throws IOException {
        Result first = make("run", "EX=ch03/endian_conv").run();   // builds if the tree was stale
        assertThat(first.exitStatus()).as(first.toString()).isZero();
        List<String> before = buildTraces();
        for (int i = 0; i < 2; i++) {
            Result r = make("run", "EX=ch03/endian_conv").run();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo(first.stdout()).contains("Network ordered port: 0x3412");
        }
        assertThat(buildTraces()).isEqualTo(before);
    }

    @Test
    void pipedStdinReachesTheListingUnderMake() {
        Result r = make("run", "EX=ch13/readv").stdin("hello readv world\n").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).as(r.toString()).startsWith("Read bytes: 18 ", "First message: hello ",
                "Second message:  readv world");
    }

    /** The README's line, as written but for the port (a free one, not 9190). */
    @Test
    void theReadmeServerAndClientLineWorks() throws IOException {
        String line = Files.readAllLines(Run.ROOT.resolve("README.md")).stream()
                .filter(l -> l.startsWith("make run EX=ch01/hello_server")).findFirst().orElseThrow();
        String command = line.replaceAll("\\s+#.*$", "").replace("9190", Integer.toString(Tcp.freePort()));
        Result r = shell(command + "; wait").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("Message from server : Hello World!");
        assertThat(r.stderr()).as(r.toString()).doesNotContain("error");
    }

    @Test
    void aTypoGetsOneLineWithTheClosestIds() {
        List<Result> rs = Run.all(make("run", "EX=ch11/piep1"), Run.command(Run.ROOT.resolve("bin/syskit").toString(), "ch11/piep1"));
        for (Result r : rs) {
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(2);
            assertThat(r.stdout()).isEmpty();
            List<String> syskit = r.stderr().lines().filter(l -> !l.startsWith("make")).toList();
            assertThat(syskit).as(r.toString()).containsExactly(
                    "syskit: no listing 'ch11/piep1'; did you mean ch11/pipe1, ch11/pipe2 or ch11/pipe3? ('make list' shows them all)");
        }
    }

    /** Without the launcher's /dev/null, the JVM's lib/modules takes fd 0 and readv reads the JDK. */
    @Test
    void aClosedStdinReadsAsEndOfInput() {
        Result r = shell("make run EX=ch13/readv <&-").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).as(r.toString()).startsWith("Read bytes: 0 ");
    }

    /** The README's mvn command prints the listing's output and nothing else (.mvn/jvm.config). */
    @Test
    void theReadmeMavenCommandPrintsNoWarnings() throws IOException {
        String line = Files.readAllLines(Run.ROOT.resolve("README.md")).stream()
                .filter(l -> l.startsWith("JAVA_HOME=$(bin/find-jdk) mvn -q exec:exec")).findFirst().orElseThrow();
        Result r = shell(line).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Parent proc output : Who are you?\nChild proc output : Thank you for your message\n");
        assertThat(r.stderr()).as(r.toString()).isEmpty();
    }

    /** Each command bin/find-jdk suggests (its indented lines) and the README's block parse as shell. */
    @Test
    void theJdkAdviceIsValidShell(@TempDir Path noJdks) throws IOException {
        Result r = Run.command("env", "JAVA_HOME=", "SYSKIT_JVM_DIR=" + noJdks, Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).isEqualTo(2);
        List<String> commands = r.stderr().lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertThat(commands).as(r.toString()).anyMatch(c -> c.contains("install")).anyMatch(c -> c.startsWith("sdk install java 25"));
        String readme = Files.readString(Run.ROOT.resolve("README.md"));
        String block = readme.substring(readme.indexOf("```sh\napt-get install -y wget gpg") + 6);
        block = block.substring(0, block.indexOf("```"));
        assertThat(block).contains("temurin-25-jdk");
        String all = String.join("\n", commands) + "\n" + block;
        Result syntax = Run.command("bash", "-n", "-c", all).run();
        assertThat(syntax.exitStatus()).as(all + "\n" + syntax).isZero();
    }

    /** Chapter 18's C reference, as its guide builds and runs it (make ref), with small counts. */
    @Test
    void makeRefCompilesAndRunsTheCReference() {
        Result r = make("run", "EX=ch18/mutex", "ARGS=20000 4").run();
        Result c = make("ref", "EX=ch18/mutex", "ARGS=20000 4").run();
        assertThat(c.exitStatus()).as(c.toString()).isZero();
        assertThat(c.stdout()).as(c.toString()).isEqualTo(r.stdout()).isEqualTo("result: 0 \n");
    }

    /** Chapter 17's level-triggered run, the guide's block as written but for the port. */
    @Test
    void theCh17GuideBlockRunsWithTheKitsOwnClient() throws IOException {
        String guide = Files.readString(Run.ROOT.resolve("chapters/ch17/README.md"));
        String block = guide.substring(guide.indexOf("```sh\nbin/syskit ch17/echo_EPLTserv") + 6);
        block = block.substring(0, block.indexOf("```")).replace("9190", Integer.toString(Tcp.freePort()));
        Result r = Run.command("bash", "-e", "-c", block).timeout(LIMIT).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stderr()).as(r.toString()).doesNotContain("error");
    }

    /**
     * The IDE's "this file's listing" (a JVM started on the Launcher with the editor's file path)
     * on a learner's exercise file runs that file, compiled on the way, and says so first.
     */
    @Test
    void theIdeRunsTheLearnersFileNotTheReference(@TempDir Path tree) throws IOException {
        Path dir = Files.createDirectories(tree.resolve("exercises/ch03/endian_conv"));
        Path file = dir.resolve("EndianConv.java");
        Files.writeString(file, """
                package syskit.ch03;

                public final class EndianConv {
                    public static int main(String[] argv) {
                        System.out.println("the learner's own " + argv[0]);
                        return 3;
                    }
                }
                """);
        Result r = Run.command(Run.JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", Run.CLASSES.toString(),
                "syskit.launch.Launcher", file.toString()).timeout(LIMIT).run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("the learner's own ch03/endian_conv\n");
        assertThat(r.stderr().lines().findFirst()).as(r.toString())
                .contains("syskit: running your answer in exercises/ch03/endian_conv/ (not the kit's reference), as make try does");
        assertThat(Files.readString(Run.ROOT.resolve(".run/syskit - this file's listing.run.xml")))
                .contains("value=\"$FilePathRelativeToProjectRoot$\"");
        assertThat(Files.readString(Run.ROOT.resolve(".vscode/launch.json"))).contains("\"args\": \"${relativeFile}\"");
    }
}
