package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import syskit.harness.Run;

/**
 * Every exercise check speaks the learner's language (syskit.harness.Checks): each bundle has
 * its Korean twin with the same keys and the same placeholders; each check class has a bundle,
 * holding each check method's name, equal to its @DisplayName; and no explanation is written in
 * the test itself, where it would stay English.
 */
class ChecksBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[sdn]");

    /** Every bundle (the checks' and the harness's LearnerRun and Peer) has its Korean twin: the same keys, the same placeholders. */
    @Test
    void everyBundleHasAKoreanTwinWithTheSameKeysAndPlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> english;
        try (Stream<Path> s = Files.list(Run.ROOT.resolve("src/test/resources/syskit/checks"))) {
            english = s.filter(f -> f.toString().endsWith(".properties") && !f.toString().endsWith("_ko.properties")).sorted().toList();
        }
        assertThat(english).as("bundles").hasSizeGreaterThanOrEqualTo(13);
        for (Path f : english) {
            String base = f.getFileName().toString().replace(".properties", "");
            Properties en = load(base + ".properties"), ko = load(base + "_ko.properties");
            if (ko == null) {
                problems.add(base + ": no Korean twin " + base + "_ko.properties");
                continue;
            }
            if (!ko.stringPropertyNames().equals(en.stringPropertyNames())) problems.add(base + ": the Korean keys differ from the English ones");
            for (String key : en.stringPropertyNames()) {
                if (ko.getProperty(key) != null && count(ko.getProperty(key)) != count(en.getProperty(key)))
                    problems.add(key + ": " + count(en.getProperty(key)) + " placeholders in English, " + count(ko.getProperty(key)) + " in Korean");
            }
        }
        assertThat(problems).as("bundles and their Korean twins").isEmpty();
    }

    @Test
    void everyExerciseCheckHasItsWordsInEnglishAndKorean() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> classes = exerciseTests();
        assertThat(classes).as("exercise check classes").hasSizeGreaterThanOrEqualTo(11);
        for (Path source : classes) {
            String simple = source.getFileName().toString().replace(".java", "");
            String pkg = Run.ROOT.resolve("src/test/java").relativize(source.getParent()).toString().replace('/', '.');
            Properties en = load(simple + ".properties"), ko = load(simple + "_ko.properties");
            if (en == null || ko == null) {
                problems.add(simple + ": no bundle syskit/checks/" + simple + (en == null ? "" : "_ko") + ".properties");
                continue;
            }
            for (Method m : Class.forName(pkg + "." + simple).getDeclaredMethods()) {
                DisplayName name = m.getAnnotation(DisplayName.class);
                if (!m.isAnnotationPresent(Test.class) || name == null) continue;
                String key = simple + "." + m.getName();
                if (!name.value().equals(en.getProperty(key)))
                    problems.add(key + ": the bundle's name '" + en.getProperty(key) + "' is not the @DisplayName '" + name.value() + "'");
            }
            String text = Files.readString(source);
            if (Pattern.compile("[^.]\\bfail\\(\"").matcher(text).find())
                problems.add(simple + ": an explanation written in the test (fail(\"...\")): put it in its bundle, Checks.fail(key, ...)");
        }
        assertThat(problems).as("exercise checks and their bundles").isEmpty();
    }

    /** The test classes holding an exercise's checks: tagged "exercise". */
    private static List<Path> exerciseTests() throws IOException {
        try (Stream<Path> s = Files.walk(Run.ROOT.resolve("src/test/java/syskit"))) {
            return s.filter(p -> p.toString().endsWith("Test.java")).filter(p -> {
                try {
                    return Files.readString(p).contains("@Tag(\"exercise\")");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = ChecksBundleTest.class.getResourceAsStream("/syskit/checks/" + name)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static long count(String text) {
        return PLACEHOLDER.matcher(text).results().filter(r -> !r.group().endsWith("n")).count();
    }
}
