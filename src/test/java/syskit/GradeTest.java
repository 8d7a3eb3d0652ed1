package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Result;
import syskit.harness.Run;

/**
 * bin/grade's grader (syskit.harness.Grade), run as a teacher runs it on a class: a folder with one
 * answer per student to ch01/copy_file, among them one that does not compile, one that never ends
 * and one that writes without end. Each gets its own verdict; the table, the TSV and the JUnit XML
 * say so. (The grader's JVM is started directly: bin/grade adds only the Maven build, which must
 * not run inside the tests.)
 */
class GradeTest {
    static final String EXERCISE = "ch01/copy_file";

    @TempDir
    Path tmp;

    @Test
    void aClassIsGradedOneVerdictPerStudent() throws Exception {
        Path ex = Run.ROOT.resolve("exercises").resolve(EXERCISE);
        String reference = Files.readString(Run.ROOT.resolve("src/main/java/syskit/ch01/CopyFile.java"));
        Path cls = Files.createDirectory(tmp.resolve("class"));
        Files.writeString(cls.resolve("ada.java"), reference);
        Files.copy(ex.resolve(".starter/CopyFile.java"), cls.resolve("bob.java"));
        Path carol = Files.createDirectory(cls.resolve("carol"));   // a folder per student works too
        Files.copy(ex.resolve(".wrong/one_read/CopyFile.java"), carol.resolve("CopyFile.java"));
        Files.writeString(cls.resolve("dan.java"), reference.replace("int len;", "int len"));
        Files.writeString(cls.resolve("fay.java"), reference.replace("            // 1. System calls",
                "            while (argv.length > 0) System.out.println(\"copying...\");\n            // 1. System calls"));
        // eve never ends: she is graded apart with a short limit, so that the others' generous one
        // (a loaded machine must not fail a correct answer) does not make the test wait for it
        Path slow = Files.createDirectory(tmp.resolve("slow"));
        Files.writeString(slow.resolve("eve.java"), reference.replace("            // 1. System calls",
                "            while (argv.length > 0) Thread.sleep(1000);\n            // 1. System calls")
                .replace("public static int main(String[] argv) {", "public static int main(String[] argv) throws Exception {"));
        Path tsv = tmp.resolve("grades.tsv"), xml = tmp.resolve("grades.xml"), eveTsv = tmp.resolve("eve.tsv");

        List<Result> runs = Run.all(
                grade(EXERCISE, "--timeout", "150", "--tsv", tsv.toString(), "--junit", xml.toString(), cls.toString())
                        .timeout(Duration.ofSeconds(400)),
                grade(EXERCISE, "--timeout", "5", "--tsv", eveTsv.toString(), slow.toString()).timeout(Duration.ofSeconds(120)));
        Result r = runs.get(0), late = runs.get(1);

        assertThat(r.hung()).as("%s", r).isFalse();
        assertThat(r.exitStatus()).as("%s", r).isZero();
        Map<String, String[]> rows = Files.readAllLines(tsv).stream().skip(1).map(l -> l.split("\t", -1))
                .collect(Collectors.toMap(f -> f[0], f -> f));
        assertThat(late.hung()).as("%s", late).isFalse();
        assertThat(late.exitStatus()).as("%s", late).isZero();
        String[] eve = Files.readAllLines(eveTsv).get(1).split("\t", -1);
        assertThat(eve).as(Arrays.toString(eve)).startsWith("eve", "FAIL");
        assertThat(eve[4]).containsAnyOf("did not end", "did not finish");
        assertThat(rows.keySet()).containsExactlyInAnyOrder("ada", "bob", "carol", "dan", "fay");
        assertThat(rows.get("ada")).as(Arrays.toString(rows.get("ada"))).startsWith("ada", "PASS", "4", "4");
        assertThat(rows.get("bob")[1]).isEqualTo("FAIL");
        assertThat(rows.get("carol")).startsWith("carol", "FAIL", "3", "4");
        assertThat(rows.get("carol")[4]).contains("only the first 100 bytes");
        assertThat(rows.get("dan")).startsWith("dan", "FAIL", "0", "0");
        assertThat(rows.get("dan")[4]).startsWith("does not compile:").contains("';' expected");
        assertThat(rows.get("fay")).startsWith("fay", "FAIL", "0", "4");
        assertThat(rows.get("fay")[4]).contains("wrote more than 1048576 bytes without end");
        for (String student : rows.keySet()) {
            assertThat(r.stdout()).containsPattern("(?m)^" + student + " +" + rows.get(student)[1] + " ");
        }

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(5);
        assertThat(doc.getElementsByTagName("failure").getLength()).isGreaterThanOrEqualTo(4);
        assertThat(Files.list(Run.ROOT.resolve("target/learner")).map(p -> p.getFileName().toString()))
                .as("no private folder is left behind").noneMatch(n -> n.startsWith(".grade."));
    }

    @Test
    void theCheckersOwnErrorsAreOneLineAndExit2() {
        List<Result> rs = Run.all(
                grade("ch99/none", tmp.toString()),
                grade(EXERCISE, tmp.resolve("missing").toString()),
                grade(EXERCISE, "--jobs", "many", tmp.toString()));
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.exitStatus()).as("%s", r).isEqualTo(2);
            assertThat(r.stderr().lines().count()).as("%s", r).isEqualTo(1);
            assertThat(r.stdout()).isEmpty();
        });
        assertThat(rs.get(0).stderr()).contains("no exercise 'ch99/none'");
        assertThat(rs.get(1).stderr()).contains("neither a .java file nor a folder");
        assertThat(rs.get(2).stderr()).contains("takes a whole number");
    }

    private static Run grade(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Run.JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", classpath(), "-Dsyskit.root=" + Run.ROOT,
                "-Dsyskit.classes=" + Run.CLASSES, "syskit.harness.Grade"));
        cmd.addAll(List.of(args));
        return Run.command(cmd.toArray(String[]::new)).timeout(Duration.ofSeconds(60));
    }

    private static String classpath() {
        try {
            return Run.ROOT.resolve("target/test-classes") + ":" + Run.CLASSES + ":"
                    + Files.readString(Run.ROOT.resolve("target/test-classpath.txt")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
