package syskit.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import syskit.harness.ExerciseCheck.Outcome;
import syskit.launch.Listings;

/**
 * bin/grade: grades a class's answers to one exercise with the checks of make check.
 *
 * <pre>Grade &lt;exercise&gt; [--jobs N] [--timeout S] [--tsv FILE] [--junit FILE] &lt;folder-or-file&gt;...</pre>
 *
 * A .java file is one student (named after the file); a folder holds one student per .java file or
 * per sub-folder (all the .java files in it). Each student is compiled into a private folder and
 * checked in isolation, {@code --jobs} at a time in this one JVM (the kit is built once); a student
 * whose checks take longer than {@code --timeout} seconds gets a FAIL row and is abandoned (its
 * processes are killed by their own timeouts, or when this JVM exits). Prints a table; writes TSV
 * and JUnit XML on request. Exit 0 when every student was graded, whatever the grades; 2 on the
 * checker's own error (usage, no such exercise, a check that itself went wrong).
 */
public final class Grade {
    /** One student's grade: verdict PASS, FAIL or ERROR (the checker's fault), and the outcomes of the checks run. */
    public record Row(String student, String verdict, int passed, int total, String reason, List<Outcome> outcomes) {}

    private Grade() {}

    public static void main(String[] args) {
        try {
            System.exit(grade(args));
        } catch (Throwable t) {   // one line, never a stack trace
            System.err.println("grade: the checker itself failed (" + LearnerRun.clip(String.valueOf(t), 300) + ").");
            System.exit(2);
        }
    }

    static int grade(String[] args) throws IOException, InterruptedException {
        String usage = "usage: bin/grade <exercise> [--jobs N] [--timeout SECONDS] [--tsv FILE] [--junit FILE] <folder-or-file.java>...";
        if (args.length < 2) return error(usage);
        String exercise = args[0];
        Listings.Entry entry = ExerciseCheck.exercise(exercise);
        if (entry == null) return error("grade: " + ExerciseCheck.noExercise(exercise));
        int jobs = 2;
        long timeout = 180;
        Path tsv = null, junit = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            boolean option = a.equals("--jobs") || a.equals("--timeout") || a.equals("--tsv") || a.equals("--junit");
            if (option && i + 1 == args.length) return error("grade: " + a + " needs a value. " + usage);
            try {
                switch (a) {
                    case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeout = Long.parseLong(args[++i]);
                    case "--tsv" -> tsv = Path.of(args[++i]);
                    case "--junit" -> junit = Path.of(args[++i]);
                    default -> {
                        if (a.startsWith("--")) return error("grade: unknown option " + a + ". " + usage);
                        inputs.add(Path.of(a));
                    }
                }
            } catch (NumberFormatException e) {
                return error("grade: " + a + " takes a whole number, not '" + args[i] + "'.");
            }
        }
        if (jobs < 1 || timeout < 1) return error("grade: --jobs and --timeout must be at least 1.");
        List<Student> students = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isRegularFile(p) && p.toString().endsWith(".java")) students.add(Student.of(p));
            else if (Files.isDirectory(p)) students.addAll(Student.inClass(p));
            else return error("grade: '" + p + "' is neither a .java file nor a folder.");
        }
        if (students.isEmpty()) return error("grade: no answers (.java files or folders) in " + inputs + ".");

        Path scratch = Files.createDirectories(Run.ROOT.resolve("target/learner"));
        Path runDir = Files.createTempDirectory(scratch, ".grade.");
        String simpleName = entry.className().substring(entry.className().lastIndexOf('.') + 1);
        List<Row> rows;
        try {
            rows = gradeAll(exercise, simpleName, students, runDir, jobs, timeout);
        } finally {
            ExerciseCheck.deleteTree(runDir);
        }
        System.out.print(table(exercise, rows));
        if (tsv != null) Files.writeString(tsv, tsv(rows), StandardCharsets.UTF_8);
        if (junit != null) Files.writeString(junit, junit(exercise, rows), StandardCharsets.UTF_8);
        return rows.stream().anyMatch(r -> r.verdict().equals("ERROR")) ? 2 : 0;
    }

    private static int error(String line) {
        System.err.println(line);
        return 2;
    }

    /** One student's answer: a name and the .java files to compile (copied first when they must be renamed). */
    record Student(String name, List<Path> sources) {
        static Student of(Path file) {
            String n = file.getFileName().toString();
            return new Student(n.substring(0, n.length() - ".java".length()), List.of(file));
        }

        static List<Student> inClass(Path dir) throws IOException {
            List<Student> students = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    if (p.getFileName().toString().startsWith(".")) continue;
                    if (Files.isRegularFile(p) && p.toString().endsWith(".java")) students.add(of(p));
                    else if (Files.isDirectory(p)) {
                        try (Stream<Path> files = Files.walk(p)) {
                            students.add(new Student(p.getFileName().toString(),
                                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()));
                        }
                    }
                }
            }
            return students;
        }
    }

    private static List<Row> gradeAll(String exercise, String simpleName, List<Student> students, Path runDir,
                                      int jobs, long timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(jobs);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<Row>> futures = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Student st : students) {
            Path dir = runDir.resolve("s" + (i++));
            slots.acquire();
            CompletableFuture<Row> f = new CompletableFuture<>();
            Thread t = Thread.ofPlatform().daemon().name("grade-" + st.name()).start(() -> {
                try {
                    f.complete(gradeOne(exercise, simpleName, st, dir));
                } catch (Throwable e) {   // OutOfMemoryError included
                    f.complete(new Row(st.name(), "ERROR", 0, 0, ExerciseCheck.CHECKER_FAULT + " (" + e + ")", List.of()));
                }
            });
            // The slot is freed when the student is graded, or given up on at its timeout.
            Row late = new Row(st.name(), "FAIL", 0, 0, "the checks did not finish within " + timeout
                    + " s: does your program wait for something that never comes?", List.of());
            futures.add(f.completeOnTimeout(late, timeout, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> {
                        if (r == late) t.interrupt();
                        slots.release();
                        System.err.printf("graded %d of %d: %s%n", done.incrementAndGet(), students.size(), st.name());
                    }));
        }
        for (CompletableFuture<Row> f : futures) {
            try {
                rows.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return rows;
    }

    /** Compiles one student's answer into its own folder and runs the checks on it. */
    static Row gradeOne(String exercise, String simpleName, Student st, Path dir) throws IOException {
        if (st.sources().isEmpty()) return new Row(st.name(), "FAIL", 0, 0, "no .java file", List.of());
        List<Path> sources = st.sources();
        if (sources.size() == 1) {   // one file per student, whatever its name: compiled under the class's name
            Path src = Files.createDirectories(dir.resolve("src")).resolve(simpleName + ".java");
            Files.copy(sources.get(0), src);
            sources = List.of(src);
        }
        Path classes = dir.resolve("classes");
        String errors = ExerciseCheck.compile(sources, classes);
        if (!errors.isEmpty()) {
            String first = errors.lines().filter(l -> l.contains("error:")).findFirst().orElse(errors.lines().findFirst().orElse(""));
            first = first.replace(dir.resolve("src").toString() + "/", "");
            return new Row(st.name(), "FAIL", 0, 0, "does not compile: " + first.strip(), List.of());
        }
        String missing = ExerciseCheck.missingClass(exercise, classes);
        if (missing != null) return new Row(st.name(), "FAIL", 0, 0, missing, List.of());
        List<Outcome> outcomes = ExerciseCheck.run(exercise, classes);
        int passed = (int) outcomes.stream().filter(Outcome::passed).count();
        Outcome firstFail = outcomes.stream().filter(o -> !o.passed()).findFirst().orElse(null);
        String verdict = outcomes.stream().anyMatch(Outcome::checkerFault) ? "ERROR"
                : outcomes.isEmpty() ? "ERROR" : firstFail == null ? "PASS" : "FAIL";
        String reason = outcomes.isEmpty() ? "no checks found" : firstFail == null ? "" : firstFail.message();
        return new Row(st.name(), verdict, passed, outcomes.size(), reason, outcomes);
    }

    /** The reason as one short line: its first line, at most {@code max} characters. */
    static String oneLine(String reason, int max) {
        String first = reason.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return first.length() <= max ? first : first.substring(0, max - 3) + "...";
    }

    static String table(String exercise, List<Row> rows) {
        int w = Math.max(7, rows.stream().mapToInt(r -> r.student().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder("\n" + exercise + ": " + rows.size() + " answers graded\n\n");
        sb.append(String.format("%-" + w + "s  %-7s %-7s %s%n", "student", "verdict", "checks", "first failure"));
        for (Row r : rows) {
            sb.append(String.format("%-" + w + "s  %-7s %-7s %s%n", r.student(), r.verdict(),
                    r.passed() + "/" + r.total(), oneLine(r.reason(), 90)));
        }
        long pass = rows.stream().filter(r -> r.verdict().equals("PASS")).count();
        sb.append(String.format("%n%d of %d pass.%n", pass, rows.size()));
        return sb.toString();
    }

    static String tsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("student\tverdict\tpassed\ttotal\tfirst_failure\n");
        for (Row r : rows) {
            sb.append(clean(r.student())).append('\t').append(r.verdict()).append('\t').append(r.passed()).append('\t')
                    .append(r.total()).append('\t').append(clean(oneLine(r.reason(), 500))).append('\n');
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }

    /** JUnit XML: one testsuite per student, one testcase per check (one for an answer that does not compile). */
    static String junit(String exercise, List<Row> rows) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"")
                .append(xml(exercise)).append("\">\n");
        for (Row r : rows) {
            List<Outcome> cases = r.outcomes().isEmpty()
                    ? List.of(new Outcome("build", "the answer compiles and the checks finish", r.verdict().equals("PASS"), r.reason()))
                    : r.outcomes();
            long failures = cases.stream().filter(o -> !o.passed() && !o.checkerFault()).count();
            long errors = cases.stream().filter(Outcome::checkerFault).count();
            sb.append("  <testsuite name=\"").append(xml(r.student())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">\n");
            for (Outcome o : cases) {
                sb.append("    <testcase classname=\"").append(xml(exercise + "." + r.student())).append("\" name=\"")
                        .append(xml(o.check())).append("\"");
                if (o.passed()) {
                    sb.append("/>\n");
                } else {
                    String tag = o.checkerFault() ? "error" : "failure";
                    sb.append(">\n      <").append(tag).append(" message=\"").append(xml(oneLine(o.message(), 200))).append("\">")
                            .append(xml(o.message())).append("</").append(tag).append(">\n    </testcase>\n");
                }
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    /** Text safe in XML: the five entities, and control characters (a NUL an answer printed) as '?'. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return sb.toString();
    }
}
