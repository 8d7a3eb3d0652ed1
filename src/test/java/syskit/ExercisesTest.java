package syskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.ExerciseCheck;
import syskit.harness.ExerciseCheck.Outcome;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.launch.Listings;

/**
 * Every exercise under exercises/&lt;chapter&gt;/&lt;name&gt;/ (layout: chapters/README.md), checked the
 * way make check checks a learner's file: its untouched starter (.starter/) fails a check (the
 * checks run one at a time until one fails), each
 * wrong answer in .wrong/&lt;case&gt;/ fails the check its "// fails: method "text"" line names, with a
 * message holding that text, and the reference answer, compiled as a learner's file, passes the
 * checks that catch them. (make test also runs every check against the reference, as ordinary tests.)
 */
class ExercisesTest {
    private static final Pattern FAILS = Pattern.compile("^// fails: (\\w+) \"(.+)\"$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT) // each case compiles into a folder of its own
    Stream<DynamicTest> everyExerciseStarterFailsWrongAnswersFailAndTheReferencePasses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : exercises()) {
            Path dir = Run.ROOT.resolve("exercises").resolve(id);
            tests.add(dynamicTest(id + ": the untouched starter fails", () -> {
                List<Outcome> outcomes = ExerciseCheck.runUntilFailure(id, compiled(dir.resolve(".starter"), id + "/starter"));
                assertThat(outcomes).as("checks of %s", id).isNotEmpty();
                assertThat(outcomes).as("the starter must fail a check").anyMatch(o -> !o.passed());
            }));
            // make test runs every check against the reference already; below it goes the learner's way
            // (compiled apart, first on the classpath) through the checks that catch the wrong answers.
            List<String> catching = new ArrayList<>();
            for (Path wrong : list(dir.resolve(".wrong"))) {
                Matcher m = FAILS.matcher(Files.readString(javaFiles(wrong).get(0)));
                boolean named = m.find();
                String method = named ? m.group(1) : null, text = named ? m.group(2) : null;
                if (named && !catching.contains(method)) catching.add(method);
                tests.add(dynamicTest(id + ": wrong answer " + wrong.getFileName() + " fails", () -> {
                    assertThat(named).as("%s needs a line: // fails: <test method> \"<message text>\"", wrong).isTrue();
                    List<Outcome> outcomes = ExerciseCheck.run(id, compiled(wrong, id + "/wrong/" + wrong.getFileName()), method);
                    assertThat(outcomes).as("check %s of %s", method, id).hasSize(1);
                    assertThat(outcomes.get(0).passed()).as("%s passed %s", wrong, method).isFalse();
                    assertThat(outcomes.get(0).message()).contains(text);
                }));
            }
            tests.add(dynamicTest(id + ": the reference answer, as a learner's file, passes " + catching, () -> {
                String cls = Listings.load().find(id).className();
                Path reference = Run.ROOT.resolve("src/main/java").resolve(cls.replace('.', '/') + ".java");
                Path out = tmp.resolve(id + "/reference");
                assertThat(ExerciseCheck.compile(List.of(reference), out)).isEmpty();
                List<Outcome> outcomes = new ArrayList<>();
                if (catching.isEmpty()) outcomes.addAll(ExerciseCheck.run(id, out));
                for (String method : catching) outcomes.addAll(ExerciseCheck.run(id, out, method));
                assertThat(outcomes).isNotEmpty().allSatisfy(o -> assertThat(o.passed()).as(o.message()).isTrue());
            }));
        }
        return tests.stream();
    }

    @Test
    void tryingAnAnswerThatWasNeverCompiledSaysToRunMakeCheckFirst() {
        Result r = Run.command(Run.ROOT.resolve("bin/syskit").toString(), "--learner", "ch99/none").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).contains("make check EX=<exercise>' compiles yours first");
    }

    /** The ids of exercises/&lt;chapter&gt;/&lt;name&gt;/, e.g. ch11/three_conversation. */
    private static List<String> exercises() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path chapter : list(Run.ROOT.resolve("exercises"))) {
            for (Path exercise : list(chapter)) ids.add(chapter.getFileName() + "/" + exercise.getFileName());
        }
        assertThat(ids).as("exercises under %s", Run.ROOT.resolve("exercises")).isNotEmpty();
        return ids;
    }

    private Path compiled(Path sourceDir, String name) throws IOException {
        Path out = tmp.resolve(name);
        assertThat(ExerciseCheck.compile(javaFiles(sourceDir), out)).as("%s must compile", sourceDir).isEmpty();
        return out;
    }

    /** The sub-directories not hidden by a leading dot, sorted. */
    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
