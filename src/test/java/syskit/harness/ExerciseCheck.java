package syskit.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.TagFilter.includeTags;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import syskit.launch.Listings;
import syskit.os.Messages;

/**
 * Runs the checks of one exercise against an answer and reports them in the learner's words.
 *
 * The checks of exercise {@code ch11/three_conversation} are the tests in package
 * {@code syskit.ch11} tagged {@code @Tag("ch11/three_conversation")}. Without learner classes
 * they check the reference answer (that is what make test does); with them, {@link Run} puts
 * those classes first, so the learner's class of the same name replaces the reference.
 * bin/check calls {@link #main}; the exercise tests call {@link #run} on the starter and the
 * wrong answers to prove each of them fails.
 */
public final class ExerciseCheck {
    /** One check: its test method, what it checks (its display name), and why it failed. */
    public record Outcome(String method, String check, boolean passed, String message) {
        /** The check itself went wrong (not the answer): the grade is not to be trusted. */
        public boolean checkerFault() {
            return !passed && message.startsWith(CHECKER_FAULT);
        }
    }

    /** How a failure of the check itself (an exception that is no assertion) begins. */
    public static final String CHECKER_FAULT = "the check itself failed";
    /** The longest a check may take; past it, its thread is interrupted and the check fails. */
    public static final String CHECK_TIMEOUT = "120 s";

    private ExerciseCheck() {}

    /** Runs the exercise's checks with these classes first on every listing's classpath (null: none). */
    public static List<Outcome> run(String exercise, Path learnerClasses) {
        return run(exercise, learnerClasses, null);
    }

    /** The same, only the check of that test method when {@code onlyMethod} is not null. */
    public static List<Outcome> run(String exercise, Path learnerClasses, String onlyMethod) {
        List<Outcome> outcomes = new ArrayList<>();
        // The checks run on this thread (parallel execution off for this nested run), so the
        // learner's classes reach their Run.listing calls through a thread-local, not through a
        // system property that test classes running beside this one would see too.
        Run.LEARNER.set(learnerClasses == null ? null : learnerClasses.toAbsolutePath().toString());
        try {
            var request = checksOf(exercise)
                    .filters((PostDiscoveryFilter) d -> FilterResult.includedIf(
                            onlyMethod == null || !(d.getSource().orElse(null) instanceof MethodSource m)
                                    || m.getMethodName().equals(onlyMethod)))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.timeout.default", CHECK_TIMEOUT)
                    .build();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (!test.isTest()) return;
                    MethodSource source = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).orElse(null);
                    String method = source != null ? source.getMethodName() : test.getDisplayName();
                    String name = source != null ? Checks.name(source.getClassName(), method) : null;
                    String message = result.getThrowable().map(ExerciseCheck::describe).orElse("");
                    outcomes.add(new Outcome(method, name != null ? name : test.getDisplayName(),
                            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, message));
                }
            });
        } catch (Throwable t) {   // OutOfMemoryError included, which JUnit passes on: one outcome, no stack trace
            outcomes.add(new Outcome("(checker)", "the checks ran to the end", false, describe(t)));
        } finally {
            Run.LEARNER.remove();
        }
        return outcomes;
    }

    /**
     * The checks one at a time until one fails (an untouched starter's proof): the same outcomes
     * as {@link #run} up to the first failure, without the time of the checks after it.
     */
    public static List<Outcome> runUntilFailure(String exercise, Path learnerClasses) {
        var plan = LauncherFactory.create().discover(checksOf(exercise).build());
        List<String> methods = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest).map(t -> t.getSource().orElse(null))
                .filter(MethodSource.class::isInstance).map(m -> ((MethodSource) m).getMethodName()).distinct().toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (String method : methods) {
            outcomes.addAll(run(exercise, learnerClasses, method));
            if (outcomes.stream().anyMatch(o -> !o.passed())) break;
        }
        return outcomes;
    }

    /** The checks of an exercise: the tests of its chapter's package tagged with its id. */
    private static LauncherDiscoveryRequestBuilder checksOf(String exercise) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("syskit." + exercise.substring(0, exercise.indexOf('/'))))
                .filters(includeTags(exercise));
    }

    /** An assertion's message is written for the learner (at most 60 lines); anything else is a fault of the check itself. */
    private static String describe(Throwable t) {
        if (t instanceof AssertionError && t.getMessage() != null) return clipLines(t.getMessage(), 60);
        if (t instanceof java.util.concurrent.TimeoutException) {
            return Checks.text("ExerciseCheck.timeout", CHECK_TIMEOUT, t.getMessage());
        }
        return CHECKER_FAULT + " (" + LearnerRun.clip(String.valueOf(t), 300) + "); please report this to your teacher";
    }

    private static String clipLines(String text, int max) {
        List<String> lines = text.lines().map(l -> LearnerRun.clip(l, 300)).toList();
        if (lines.size() <= max) return String.join("\n", lines);
        return String.join("\n", lines.subList(0, max)) + "\n... (" + (lines.size() - max) + " more lines)";
    }

    /** Breaks lines longer than width at spaces; shorter lines (program output) stay as they are. */
    static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int fits;
            while ((fits = fitting(line, width)) < line.length() && line.lastIndexOf(' ', fits) > 0) {
                int cut = line.lastIndexOf(' ', fits);
                sb.append(line, 0, cut).append('\n');
                line = line.substring(cut + 1);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** How many chars of line fill at most width terminal columns: Hangul and CJK take two each. */
    private static int fitting(String line, int width) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            columns += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
            if (columns > width) return i;
        }
        return line.length();
    }

    /**
     * Compiles an answer against the kit's classes into {@code out}, as Maven compiles the kit's own
     * (pom.xml: release 25, string concatenation without invokedynamic, which matters in a forked
     * child). Returns javac's messages; empty when it compiled.
     */
    public static String compile(List<Path> sources, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = List.of("--release", "25", "-XDstringConcat=inline",
                    "-cp", Run.CLASSES.toString(), "-d", out.toString());
            boolean ok = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            return ok ? "" : messages.toString().isEmpty() ? "javac failed" : messages.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Null when the compiled answer holds the exercise's listing class, else what the learner must fix. */
    public static String missingClass(String exercise, Path out) {
        Listings.Entry entry = Listings.load().find(exercise);
        if (entry == null || Files.exists(out.resolve(entry.className().replace('.', '/') + ".class"))) return null;
        String cls = entry.className();
        return Checks.text("ExerciseCheck.missingClass", cls, cls.substring(0, cls.lastIndexOf('.')), cls.substring(cls.lastIndexOf('.') + 1));
    }

    /**
     * Keeps a copy of a compiled answer for make try (bin/syskit --learner &lt;exercise&gt;): target/learner/&lt;exercise&gt;
     * becomes a link to the copy in one rename, so a try that starts meanwhile sees the old answer or the
     * new one, never half of one; the copy it replaced is removed.
     */
    public static void keepForTry(String exercise, Path classes) throws IOException {
        Path learner = Run.ROOT.resolve("target/learner");
        Path link = learner.resolve(exercise);
        Files.createDirectories(link.getParent());
        Path copy = Files.createTempDirectory(learner, ".try-" + exercise.replace('/', '-') + "-");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(classes.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path newLink = learner.resolve(".link" + copy.getFileName());
        Files.createSymbolicLink(newLink, copy);
        Path old = Files.isSymbolicLink(link) ? link.resolveSibling(Files.readSymbolicLink(link)) : null;
        if (old == null && Files.isDirectory(link)) deleteTree(link);   // the layout before links: a plain folder
        Files.move(newLink, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (old != null && !old.equals(copy)) deleteTree(old);
    }

    /** Removes a folder and all in it (a check's private folder); quietly, it is only scratch. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // scratch left behind under target/learner; make clean removes it
        }
    }

    /** The catalogue entry of an exercise id (ch01/copy_file), or null when the id names no exercise. */
    public static Listings.Entry exercise(String id) {
        if (!id.matches("ch\\d+/\\w+") || !Files.isDirectory(Run.ROOT.resolve("exercises").resolve(id))) return null;
        return Listings.load().find(id);
    }

    /** What bin/check and bin/grade say of an id that names no exercise. */
    public static String noExercise(String id) {
        return Messages.text("no.exercise", id);
    }

    /** bin/check: {@code ExerciseCheck <exercise> <classes dir> <answer.java>...}; exit 0 when every check passed. */
    public static void main(String[] args) {
        try {
            System.exit(check(args));
        } catch (Throwable t) {   // OutOfMemoryError included: one line, never a stack trace
            System.out.flush();
            System.err.println("check: the checker itself failed (" + LearnerRun.clip(String.valueOf(t), 300)
                    + "); this is not about your file, please report it to your teacher.");
            System.exit(2);
        }
    }

    /** What bin/check does; returns its exit status: 0 all checks pass, 1 one failed, 2 the checker's own error. */
    static int check(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ExerciseCheck <chapter>/<name> <classes dir> <answer.java>...");
            return 2;
        }
        String exercise = args[0];
        if (exercise(exercise) == null) {
            Messages.println(System.err, "check: " + noExercise(exercise));
            return 2;
        }
        Path out = Path.of(args[1]);
        List<Path> sources = Stream.of(args).skip(2).map(Path::of).toList();
        for (Path p : sources) {
            if (!Files.isRegularFile(p) || !p.toString().endsWith(".java")) {
                System.err.println("check: '" + p + "' is not a .java file.");
                return 2;
            }
        }
        String errors = compile(sources, out);
        if (!errors.isEmpty()) {
            say("\n" + Messages.text("check.nocompile") + "\n\n" + clipLines(errors, 40).indent(4) + "\n"
                    + Messages.text("check.fixfirst", exercise));
            record(exercise, 0, -1);
            return 1;
        }
        String missing = missingClass(exercise, out);
        if (missing != null) {
            say("\n" + wrap(missing, 100));
            return 1;
        }
        if (Boolean.getBoolean("syskit.keepForTry")) keepForTry(exercise, out);
        say(Messages.text("check.header", exercise, CHECK_TIMEOUT) + "\n");
        List<Outcome> outcomes = run(exercise, out);
        if (outcomes.isEmpty()) {
            System.err.println("No checks found for " + exercise + ": expected tests tagged @Tag(\"" + exercise
                    + "\") in package syskit." + exercise.substring(0, exercise.indexOf('/')) + ".");
            return 2;
        }
        long passed = outcomes.stream().filter(Outcome::passed).count();
        for (Outcome o : outcomes) {
            say("  " + Messages.text(o.passed() ? "check.pass" : "check.fail", o.check()));
            if (!o.passed()) say("\n" + wrap(o.message(), 92).indent(8));
        }
        say("");
        if (outcomes.stream().anyMatch(Outcome::checkerFault)) {
            say(Messages.text("check.fault", exercise, passed, outcomes.size()));
            return 2;
        }
        record(exercise, passed, outcomes.size());
        say(passed == outcomes.size() ? Messages.text("check.all", exercise, passed)
                : Messages.text("check.some", exercise, passed, outcomes.size()));
        return passed == outcomes.size() ? 0 : 1;
    }

    /** A line for the learner, as UTF-8 bytes whatever the JVM's stdout encoding (Korean under LANG=ko_KR.UTF-8). */
    private static void say(String text) {
        Messages.println(System.out, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * The learner's last verdict, for make exercises: "passed total" (total -1: it did not compile)
     * into the file the system property syskit.status names; bin/check sets it when it checks the
     * learner's own file, not another one.
     */
    private static void record(String exercise, long passed, int total) throws IOException {
        String file = System.getProperty("syskit.status", "");
        if (file.isEmpty()) return;
        Path status = Path.of(file), tmp = Path.of(file + ".tmp");
        Files.createDirectories(status.getParent());
        Files.writeString(tmp, passed + " " + total + "\n");
        Files.move(tmp, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
