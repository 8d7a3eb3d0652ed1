package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Guides;
import syskit.harness.Run;
import syskit.launch.Listings;

/**
 * The commands the guides show (README.md, the chapter guides, the exercise texts; the Korean
 * twins hold the same code blocks, GuidesTwinTest) are commands that work here, as written:
 * every make target, listing id, script and file they name exists, none needs a tool that the
 * README does not list and .ci/run does not install, a C reference is built (make ref) before
 * a guide runs it, and the ones that stand alone (no server, no second terminal, no file
 * written into the kit's folder) run to their end with the status and the output they show;
 * a block that cannot run here says why above itself ({@code <!-- illustrative: reason -->}).
 */
class DocCommandsTest {
    /** What the guides may run: the README's requirements, coreutils and a shell's own words. */
    private static final Set<String> TOOLS = Set.of("make", "mvn", "java", "gcc", "g++", "strace", "curl", "chromium", "ip",
            "unshare", "setsid", "taskset", "mount", "sh", "bash", "env", "kill", "cat", "head", "tail", "grep", "sed", "awk",
            "printf", "echo", "cmp", "diff", "ls", "cd", "mktemp", "base64", "wc", "sort", "find", "for", "do", "done", "sleep",
            "tee", "cut", "tr", "pgrep", "true", "rm", "cp", "mkdir", "apt-get", "wget", "gpg", "uname", "ldd", "nm", "time",
            "test", "xargs", "od", "hexdump", "man", "git", "exec", "wait", "export");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern INLINE = Pattern.compile("`((?:make|bin/)[^`]+)`");
    private static final Pattern ID = Pattern.compile("(?:EX=|bin/syskit (?:--learner )?|bin/cref |bin/trace )([a-z0-9]+/\\w+)");

    /** Stand-alone lines and what their guide says they print (on stdout or stderr). */
    private static final Map<String, String> SHOWN = new LinkedHashMap<>();
    static {
        SHOWN.put("make run EX=ch11/pipe1 ", "Who are you?");
        SHOWN.put("make run EX=ch18/thread3 ", "result: 55");
        SHOWN.put("echo 1 2 3 4 5 | bin/syskit ch18/semaphore", "Result: 15");
        SHOWN.put("echo 1 2 x 4 5 | bin/syskit ch18/semaphore", "Result: 9");
        SHOWN.put("make run EX=kit/jitfork", "syskit: kit/jitfork: fork() refused");
    }

    record Line(Path guide, String text, String comment) {}

    @Test
    void everyCommandAGuideShowsNamesWhatExists() throws IOException {
        Set<String> targets = makeTargets();
        Listings listings = Listings.load();
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Path guide : Guides.english()) {
            String text = Files.readString(guide);
            String where = Run.ROOT.relativize(guide).toString();
            List<String> commands = new ArrayList<>();
            for (Line l : blockLines(guide)) commands.add(l.text() + (l.comment().isEmpty() ? "" : " # " + l.comment()));
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) commands.add(inline.group(1));
            // every code span and block, for the tools the kit does not install
            List<String> lines = Files.readAllLines(guide), spans = new ArrayList<>();
            List<Guides.Block> blocks = Guides.blocks(lines);
            blocks.forEach(b -> spans.add(String.join("\n", b.body())));
            for (int i = 0; i < lines.size(); i++) {
                int at = i;
                if (blocks.stream().noneMatch(b -> b.holds(at))) SPAN.matcher(lines.get(i)).results().forEach(m -> spans.add(m.group(1)));
            }
            for (String code : spans) {
                if (code.matches("(?s).*(^|[\\s|(`])(nc|netcat|telnet|socat) .*"))
                    problems.add(where + ": shows a tool the kit does not install (nc, netcat, telnet, socat): " + code.strip().lines().filter(l -> l.matches(".*\\b(nc|netcat|telnet|socat) .*")).findFirst().orElse(code));
            }
            for (String c : commands) {
                seen++;
                String code = c.replaceAll("\\s+#.*$", "");
                Matcher make = Pattern.compile("(?:^|[;&|]\\s*)make\\s+(?:-s\\s+)?([a-z][a-z-]*)").matcher(code);
                while (make.find()) if (!targets.contains(make.group(1))) problems.add(where + ": no make target '" + make.group(1) + "': " + c);
                Matcher id = ID.matcher(code);
                while (id.find()) {
                    String x = id.group(1);
                    if (!x.contains("<") && listings.find(x) == null && !x.startsWith("bench/")) problems.add(where + ": no listing '" + x + "': " + c);
                }
                Matcher script = Pattern.compile("(?:^|[\\s;&|(])(bin/[\\w-]+)").matcher(code);
                while (script.find()) if (!Files.isExecutable(Run.ROOT.resolve(script.group(1)))) problems.add(where + ": no script " + script.group(1));
                Matcher file = Pattern.compile("(?:^|[\\s<>=])((?:exercises|chapters|src)/[\\w./-]+\\.\\w+)").matcher(code);
                while (file.find()) if (!Files.exists(Run.ROOT.resolve(file.group(1)))) problems.add(where + ": no file " + file.group(1) + ": " + c);
                Matcher ref = Pattern.compile("target/ref/([a-z0-9]+/\\w+)").matcher(code);
                while (ref.find()) {
                    String before = text.substring(0, Math.max(0, text.indexOf(ref.group())));
                    if (!before.contains("make ref EX=" + ref.group(1)) && !before.contains("bin/cref " + ref.group(1)) && !code.contains("make ref EX=" + ref.group(1)))
                        problems.add(where + ": runs " + ref.group() + ", which only the tests build: show 'make ref EX=" + ref.group(1) + "' first");
                }
                if (c.equals(code) || !isBlockCommand(code)) continue;
                for (String word : programs(code))
                    if (!TOOLS.contains(word) && !word.startsWith("bin/") && !word.startsWith("target/ref/") && !word.startsWith("/tmp/")
                            && !word.startsWith("$") && !word.contains("=")) problems.add(where + ": '" + word + "' is not among the tools the README lists: " + c);
            }
        }
        assertThat(seen).as("commands found in the guides").isGreaterThan(150);
        assertThat(problems).as("guide commands that cannot run as written").isEmpty();
    }

    /** The stand-alone lines, run as a learner pastes them into a shell at the kit's folder. */
    @Test
    void theStandAloneCommandsRunToTheEndAndPrintWhatTheGuideShows() throws IOException {
        List<Line> runnable = new ArrayList<>();
        for (Path guide : Guides.english()) for (Line l : blockLines(guide)) if (standsAlone(l)) runnable.add(l);
        assertThat(runnable).as("stand-alone guide commands").hasSizeGreaterThan(8);
        for (String shown : SHOWN.keySet())
            assertThat(runnable).as("a guide line starting '%s' (DocCommandsTest.SHOWN)", shown).anyMatch(l -> (l.text() + " ").startsWith(shown));
        List<Run> runs = runnable.stream().map(l -> Run.command("bash", "-c", "unset MAKEFLAGS MFLAGS MAKELEVEL; " + l.text())
                .timeout(Duration.ofSeconds(60))).toList();
        List<Result> results = Run.all(runs);
        for (int i = 0; i < runnable.size(); i++) {
            Line l = runnable.get(i);
            Result r = results.get(i);
            String what = Run.ROOT.relativize(l.guide()) + ": " + l.text() + "\n" + r;
            assertThat(r.hung()).as(what).isFalse();
            String expected = SHOWN.entrySet().stream().filter(e -> (l.text() + " ").startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
            boolean fails = expected != null && expected.startsWith("syskit:");
            assertThat(r.exitStatus()).as(what).isEqualTo(fails ? 2 : 0);
            assertThat(r.stderr()).as(what).doesNotContain("Exception");
            if (expected != null) assertThat(r.stdout() + r.stderr()).as(what).contains(expected);
        }
    }

    /**
     * A line that needs nothing else: no server or second terminal (no port, no '&'), no file
     * written into the kit's folder, no Ctrl-C, no long wait (stress, trace, check: each has a
     * test of its own), nothing the guide says may hang.
     */
    private static boolean standsAlone(Line l) {
        String c = l.text();
        if (!c.matches("(make (run|list|ref) .*|make list|(echo [^|]*\\| *)?bin/syskit [^<>]*(< (exercises|/dev/null)[^>]*)?)")) return false;
        if (c.contains("&") || c.matches(".*\\b\\d{4,5}\\b.*") || c.contains("127.0.0.1")) return false;
        if (l.comment().matches("(?i).*(hang|ctrl-c|terminal).*")) return false;
        if (c.chars().filter(ch -> ch == '\'').count() % 2 != 0) return false;   // the end of a line a block continues
        Matcher id = ID.matcher(c);
        if (!id.find()) return true;
        boolean stdin = c.contains("<") || c.contains("|");
        return !WRITES_FILES.contains(id.group(1)) && (stdin || !READS_A_TERMINAL.contains(id.group(1)));
    }

    /** Listings that wait for a person to type (ch12/select loops on select until a line comes): run with their input only. */
    private static final Set<String> READS_A_TERMINAL = Set.of("ch12/select");

    /** Listings that write into their working directory (here: the kit's folder). */
    private static final Set<String> WRITES_FILES = Set.of("ch01/low_open", "ch01/copy_file", "ch15/todes", "ch15/stdcpy", "ch15/syscpy",
            "ch15/desto", "ch11/echo_storeserver", "ch11/echo_storeserver_fixed", "ch07/file_client");

    private static boolean isBlockCommand(String code) {
        return code.matches("(make|bin/|printf|echo|gcc|g\\+\\+|strace|curl|cd|ip|unshare|for|target/ref/|kill|d=|mvn|JAVA_HOME=|JEXTRACT=|apt-get|wget|sh|bash|cat|cmp|chromium) ?.*");
    }

    /** The program of each part of a pipeline or list: the first word after a start, '|', '&&', ';' or '$('. */
    private static List<String> programs(String code) {
        List<String> words = new ArrayList<>();
        String stripped = code.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
        for (String part : stripped.split("\\|\\||&&|\\||;|\\$\\(|&")) {
            String[] w = part.trim().split("\\s+");
            int i = 0;
            while (i < w.length && w[i].matches("\\w+=.*")) i++;   // VAR=value before a command
            if (i < w.length && !w[i].isEmpty() && !w[i].startsWith(")") && !w[i].matches("[<>\\d].*")) words.add(w[i]);
        }
        return words;
    }

    /** The lines of a guide's sh and plain code blocks that are commands (a "$ " prompt dropped), each with its comment. */
    private static List<Line> blockLines(Path guide) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Block b : blocks(guide)) lines.addAll(b.lines());
        return lines;
    }

    /** A code block with command lines, and the reason in the "<!-- illustrative: ... -->" line just above it, if any. */
    record Block(Path guide, int line, String illustrative, List<Line> lines) {}

    private static final Pattern ILLUSTRATIVE = Pattern.compile("<!-- illustrative: (.*\\S.*) -->\\s*$");

    private static List<Block> blocks(Path guide) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<String> text = Files.readAllLines(guide);
        for (Guides.Block b : Guides.blocks(text)) {
            if (!b.lang().isEmpty() && !b.lang().equals("sh")) continue;
            List<Line> lines = new ArrayList<>();
            for (String raw : b.body()) {
                String l = raw.strip();
                if (l.startsWith("$ ")) l = l.substring(2);
                if (!isBlockCommand(l)) continue;
                int hash = l.indexOf("  #");
                String code = hash < 0 ? l : l.substring(0, hash).strip(), comment = hash < 0 ? "" : l.substring(hash + 3).strip();
                lines.add(new Line(guide, code, comment));
            }
            if (lines.isEmpty()) continue;
            Matcher why = ILLUSTRATIVE.matcher(b.start() > 0 ? text.get(b.start() - 1).strip() : "");
            blocks.add(new Block(guide, b.start() + 1, why.find() ? why.group(1) : null, lines));
        }
        return blocks;
    }

    /**
     * A block this test cannot run as a whole (a server and its clients, a namespace, a person
     * typing) says so above itself, with the reason: {@code <!-- illustrative: reason -->}, in
     * both languages. A block whose every line runs here needs no such line, and has none.
     */
    @Test
    void aBlockThatCannotRunHereSaysWhyAboveIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int marked = 0;
        for (Path english : Guides.english()) {
            for (Path guide : List.of(english, english.resolveSibling("README.ko.md"))) {
                if (!Files.exists(guide)) continue;
                for (Block b : blocks(guide)) {
                    boolean runs = b.lines().stream().allMatch(DocCommandsTest::standsAlone);
                    String where = Run.ROOT.relativize(guide) + ":" + b.line();
                    if (!runs && b.illustrative() == null)
                        problems.add(where + ": a block that cannot run here needs <!-- illustrative: <reason> --> above it: " + b.lines().get(0).text());
                    if (runs && b.illustrative() != null) problems.add(where + ": every line of this block runs here; it is not illustrative");
                    if (b.illustrative() != null) marked++;
                }
            }
        }
        assertThat(marked).as("illustrative blocks").isGreaterThan(40);
        assertThat(problems).as("guide blocks").isEmpty();
    }

    private static Set<String> makeTargets() throws IOException {
        Set<String> targets = new TreeSet<>();
        for (String l : Files.readAllLines(Run.ROOT.resolve("Makefile"))) {
            Matcher m = Pattern.compile("^([a-z][a-z-]*):").matcher(l);
            if (m.find()) targets.add(m.group(1));
        }
        return targets;
    }
}
