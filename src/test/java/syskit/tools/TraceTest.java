package syskit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.CReference;
import syskit.harness.Chromium;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.harness.Tool;
import syskit.os.Signal;
import syskit.tools.trace.Diagram;
import syskit.tools.trace.Strace;
import syskit.tools.trace.Diagram.Transfer;
import syskit.tools.trace.Trace;

/**
 * bin/trace (make trace): real runs under strace, drawn. pipe3's two transfers in Java and C;
 * pipe2's race forced from outside (the child reads back its own question, the parent stays
 * blocked in read); the page: offline, and in headless Chromium its geometry (no arrow label
 * meets a call), width, sticky headers and filter; a run without strace. Threads: TraceThreadsTest.
 */
class TraceTest {
    static final Path TRACE = Run.ROOT.resolve("bin/trace");

    /** One bin/trace --ref both run of pipe3, shared by the tests that look at it. */
    private static Result pipe3;
    private static Path pipe3Dir;

    static synchronized Path pipe3() throws IOException {
        if (pipe3 == null) {
            Tool.assumeInstalled("strace", "trace a listing");
            CReference.build("ch11/pipe3");
            pipe3Dir = tempDir("syskit-trace");
            pipe3 = trace(pipe3Dir, "--ref", "both", "ch11/pipe3").run();
        }
        assertThat(pipe3.exitStatus()).as(pipe3.toString()).isZero();
        return pipe3Dir;
    }

    private static final List<Path> TEMP = new java.util.concurrent.CopyOnWriteArrayList<>();

    static Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        TEMP.add(dir);
        return dir;
    }

    @org.junit.jupiter.api.AfterAll
    static void removeTempDirs() throws IOException {
        for (Path dir : TEMP) {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    static Run trace(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(TRACE.toString()));
        cmd.addAll(List.of(args));
        return Run.command(cmd.toArray(String[]::new)).env("SYSKIT_TRACE_DIR", dir.toString())
                .env("SYSKIT_JAVA", Run.JAVA).timeout(Duration.ofSeconds(60));
    }

    @Test
    void pipe3InJavaAndCTheQuestionGoesUpAndTheAnswerDown() throws IOException {
        Path dir = pipe3();
        for (String kind : List.of("java", "c")) {
            Diagram d = Trace.read("ch11/pipe3, " + kind, dir.resolve("ch11/pipe3." + kind + ".strace"));
            assertThat(d.columns).as(kind).hasSize(2);
            assertThat(d.processCount()).isEqualTo(2);
            int parent = 0, child = 1;
            assertThat(d.transfers).as(kind + "\n" + syskit.tools.trace.TextDiagram.render(d)).hasSize(2);
            Transfer question = d.transfers.get(0), answer = d.transfers.get(1);
            assertThat(List.of(question.fromColumn(), question.toColumn(), question.bytes())).isEqualTo(List.of(child, parent, 13));
            assertThat(List.of(answer.fromColumn(), answer.toColumn(), answer.bytes())).isEqualTo(List.of(parent, child, 27));
            assertThat(question.preview()).isEqualTo("Who are you?\\0");
            assertThat(d.rows.get(question.fromRow()).text()).startsWith("write(");
            assertThat(d.rows.get(question.toRow()).text()).startsWith("read(");
            assertThat(d.rows.get(answer.fromRow()).text()).startsWith("write(");
            assertThat(d.rows.get(answer.toRow()).text()).startsWith("read(");
            assertThat(answer.toRow()).isGreaterThan(question.toRow());
            // nothing of the JVM: no class file, no JDK library, no thread creation
            for (Diagram.Row r : d.rows) {
                assertThat(r.text()).as(kind).doesNotContain(".class", ".so", ".jar", "CLONE_THREAD", "modules", "/proc/");
                assertThat(r.column()).isIn(parent, child);
            }
            assertThat(d.column(parent).end).isEqualTo("exit 0");
            assertThat(d.column(child).end).isEqualTo("exit 0");
        }
        String text = pipe3.stdout();
        assertThat(text).contains("== ch11/pipe3, java: 2 processes, 2 transfers", "== ch11/pipe3, c: 2 processes, 2 transfers",
                "13 B \"Who are you?\\0\"", "27 B \"Thank you for your m...\"");
        for (String line : text.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
    }

    @Test
    void theForcedPipe2RaceTheChildReadsItsOwnQuestionAndTheParentStaysBlocked() throws IOException {
        Tool.assumeInstalled("strace", "trace a listing");
        Path dir = tempDir("syskit-trace");
        for (String kind : List.of("java", "c")) {
            String file = dir.resolve("ch11/pipe2." + kind + ".strace").toString();
            Run run = kind.equals("c") ? trace(dir, "--ref", "c", "ch11/pipe2") : trace(dir, "ch11/pipe2");
            if (kind.equals("c")) CReference.build("ch11/pipe2");
            Result r = forceChildFirst(run.env("SYSKIT_TRACE_STRACE_OPTS", "-e inject=set_robust_list:signal=SIGSTOP"),
                    Path.of(file), kind.equals("c") ? "pipe2" : "java");
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            Diagram d = Trace.read("ch11/pipe2, " + kind, Path.of(file));
            String shown = syskit.tools.trace.TextDiagram.render(d);
            assertThat(d.processCount()).as(shown).isEqualTo(2);
            assertThat(d.transfers).as(shown).hasSize(1);
            Transfer t = d.transfers.get(0);
            assertThat(List.of(t.fromColumn(), t.toColumn(), t.bytes(), t.preview())).as(shown).isEqualTo(List.of(1, 1, 13, "Who are you?\\0"));
            Diagram.Row last = d.rows.stream().filter(row -> row.column() == 0 && row.kind().equals("call")).reduce((a, b) -> b).orElseThrow();
            assertThat(last.blocked()).as(shown).isTrue();
            assertThat(last.text()).as(shown).startsWith("read(");
            assertThat(d.column(0).end).isEqualTo("killed by SIGINT");
            assertThat(r.stdout()).contains("BLOCKED in read(", "its own bytes");
        }
    }

    /**
     * Runs a bin/trace whose strace stops every new thread and process at its first call
     * (set_robust_list), and schedules from outside: everything is let go at once except the
     * listing's child; then the parent is stopped, the child let go until it has ended, the
     * parent let go, and once it waits in read again, Ctrl-C (SIGINT to the group).
     */
    static Result forceChildFirst(Run run, Path strace, String comm) {
        try (Run.Started s = run.start()) {
            Set<String> handled = new HashSet<>();
            int parent = -1, child = -1, tid = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
            while (child < 0 && System.nanoTime() < deadline) {
                List<String> lines = lines(strace);
                for (Strace.Event e : Strace.parse(lines)) {   // a clone may be split in two lines
                    if (e.name().equals("clone") && e.value() > 0 && !e.args().contains("CLONE_THREAD")) {
                        Proc c = Proc.of((int) e.value());
                        if (c != null && c.comm().equals(comm) && Proc.of(c.ppid()) != null && Proc.of(c.ppid()).comm().equals(comm)) {
                            child = c.pid();
                            parent = c.ppid();
                            tid = e.tid();
                        }
                    }
                }
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (!l.endsWith("--- stopped by SIGSTOP ---") || !handled.add(i + ":" + l)) continue;
                    int who = Integer.parseInt(l.substring(0, l.indexOf(' ')));
                    if (who == child || (child < 0 && isChildOfSame(who, comm))) {
                        handled.remove(i + ":" + l);   // held: looked at again once known as the child
                        continue;
                    }
                    Signal.kill(who, Signal.SIGCONT);
                }
                Run.sleepMillis(5);
            }
            assertThat(child).as("the listing forked\n" + String.join("\n", lines(strace))).isPositive();
            final int p = parent, c = child, t = tid;
            // the child is held at its birth: hold the parent too, before it can read
            int stops = count(strace, t + " ", "--- stopped by SIGSTOP ---");
            Signal.kill(p, Signal.SIGSTOP);
            assertThat(Await.until(() -> count(strace, t + " ", "--- stopped by SIGSTOP ---") > stops, Duration.ofSeconds(20))).isTrue();
            Signal.kill(c, Signal.SIGCONT);
            assertThat(Await.until(() -> count(strace, c + " ", "+++ exited with") > 0, Duration.ofSeconds(30)))
                    .as("the child ended").isTrue();
            Signal.kill(p, Signal.SIGCONT);
            assertThat(Await.until(() -> {
                List<String> ls = lines(strace).stream().filter(x -> x.startsWith(t + " ")).toList();
                return !ls.isEmpty() && ls.getLast().matches("\\d+ \\S+ read\\(\\d+,\\s*(<unfinished \\.\\.\\.>)?\\s*");
            }, Duration.ofSeconds(20))).as("the parent waits in read").isTrue();
            Signal.kill(-s.pid(), Signal.SIGINT);
            return s.await();
        }
    }

    private static boolean isChildOfSame(int pid, String comm) {
        Proc c = Proc.of(pid);
        if (c == null || !c.comm().equals(comm)) return false;
        Proc p = Proc.of(c.ppid());
        return p != null && p.comm().equals(comm);
    }

    /** Some process wrote "hello\n" to a socket and then exited (not just any JVM thread ending). */
    private static boolean echoChildExited(Path file) {
        List<String> all = lines(file);
        // bin/trace runs strace -xx: every string comes as hex escapes
        return all.stream().filter(l -> l.contains("write(") && l.contains("\"\\x68\\x65\\x6c\\x6c\\x6f\\x0a\", 6) = 6"))
                .map(l -> l.substring(0, l.indexOf(' ') + 1))
                .anyMatch(pid -> all.stream().anyMatch(l -> l.startsWith(pid) && l.contains("+++ exited with")));
    }

    private static int count(Path file, String prefix, String text) {
        return (int) lines(file).stream().filter(l -> l.startsWith(prefix) && l.contains(text)).count();
    }

    private static List<String> lines(Path file) {
        try {
            // strace pads a short tid with spaces: "7101  06:43:14.705334 ..."
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                    .map(l -> l.replaceFirst("^(\\d+) +", "$1 ")).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePageIsOneOfflineFileNoUrlNoExternalScriptNoFont() throws IOException {
        String html = Files.readString(pipe3().resolve("ch11/pipe3.html"));
        assertThat(html).doesNotContain("http://", "https://", "//cdn", "src=", "<link", "@import", "url(");
        assertThat(html).contains("<style>", "<script>\n");
    }

    /**
     * The page in headless Chromium, with a probe script appended to a copy: the two runs side by
     * side, one header per column, one arrow row per transfer, and from the laid-out boxes: no
     * arrow label meets any call, and the runs use the window's width.
     */
    @Test
    void inHeadlessChromiumNoLabelMeetsACallAndTheRunsFillTheWindow() throws IOException {
        Path page = pipe3().resolve("ch11/pipe3.html");
        Chromium.assumeInstalled();
        Path probe = tempDir("syskit-page").resolve("probe.html");
        String script = """
                <script>
                const boxes = sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
                const labels = boxes('.arrow .label'), calls = boxes('.call summary');
                const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                let overlaps = 0;
                for (const l of labels) for (const c of calls) if (meet(l, c)) overlaps++;
                const runs = document.querySelector('.runs').getBoundingClientRect();
                const heads = [...document.querySelectorAll('.run')].map(r => r.getBoundingClientRect().top);
                const sticky = getComputedStyle(document.querySelector('thead th')).position;
                const box = document.querySelector('.run .filter input');
                box.checked = false;
                box.dispatchEvent(new Event('change'));
                const hidden = document.querySelectorAll('.run')[0].querySelectorAll('tbody tr.off').length;
                const out = document.createElement('pre');
                out.id = 'geometry';
                out.textContent = 'labels=' + labels.length + ' calls=' + calls.length + ' overlaps=' + overlaps
                    + ' width=' + Math.round(100 * runs.width / document.documentElement.clientWidth)
                    + ' sideBySide=' + (heads.length == 2 && Math.abs(heads[0] - heads[1]) < 1)
                    + ' sticky=' + sticky + ' hiddenByFilter=' + hidden;
                document.body.appendChild(out);
                </script>
                """;
        Files.writeString(probe, Files.readString(page).replace("</body>", script + "</body>"));
        Result dom = Chromium.dumpDom(probe.toUri().toString());
        assertThat(dom.exitStatus()).as(dom.toString()).isZero();
        String[] sections = dom.stdout().split("<section class=\"run\">");
        assertThat(sections).as(dom.stdout()).hasSize(3);   // before, Java, C
        for (int i = 1; i <= 2; i++) {
            assertThat(occurrences(sections[i], "<th class=\"column")).as("columns of run %d", i).isEqualTo(2);
            assertThat(occurrences(sections[i], "<tr class=\"arrow transfer\"")).as("arrows of run %d", i).isEqualTo(2);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("labels=(\\d+) calls=(\\d+) overlaps=(\\d+) width=(\\d+) sideBySide=(\\w+) sticky=(\\w+) hiddenByFilter=(\\d+)")
                .matcher(dom.stdout());
        assertThat(m.find()).as(dom.stdout()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("labels").isGreaterThanOrEqualTo(4 + 2);   // 2 transfers and a fork in each run
        assertThat(Integer.parseInt(m.group(2))).as("calls").isGreaterThan(10);
        assertThat(Integer.parseInt(m.group(3))).as("label boxes meeting call boxes").isZero();
        assertThat(Integer.parseInt(m.group(4))).as("percent of the window's width").isGreaterThanOrEqualTo(90);
        assertThat(m.group(5)).as("Java and C side by side").isEqualTo("true");
        assertThat(m.group(6)).as("column headers stay in view").isEqualTo("sticky");
        assertThat(Integer.parseInt(m.group(7))).as("rows hidden once the first column's box is unticked").isPositive();
    }

    private static int occurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void withoutStraceItExits2AndSaysWhatToInstall() throws IOException {
        Path bin = tempDir("syskit-nostrace");
        for (String tool : List.of("bash", "dirname")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p) && !Files.exists(bin.resolve(tool))) Files.createSymbolicLink(bin.resolve(tool), p);
            }
        }
        Result r = Run.command(TRACE.toString(), "ch11/pipe3").env("PATH", bin.toString()).run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("strace is not installed", "apt-get install strace");
    }

    @Test
    void aServerTracedUntilCtrlCShowsItsClientAsAColumn() throws IOException {
        Tool.assumeInstalled("strace", "trace a listing");
        Path dir = tempDir("syskit-trace");
        int port = Tcp.freePort();
        try (Run.Started s = trace(dir, "ch11/echo_storeserver", Integer.toString(port)).dir(dir).start()) {
            assertThat(Await.until(() -> Tcp.listening(port), Duration.ofSeconds(40))).as(s.stderr()).isTrue();
            try (java.net.Socket c = Tcp.connect(port)) {
                assertThat(Tcp.echo(c, "hello\n")).isEqualTo("hello\n");
            }
            Path file = dir.resolve("ch11/echo_storeserver.java.strace");
            // the echo child has written "hello\n" back and exited: its last lines are in the file
            assertThat(Await.until(() -> echoChildExited(file), Duration.ofSeconds(20))).as(lines(file).toString()).isTrue();
            Signal.kill(-s.pid(), Signal.SIGINT);
            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            Diagram d = Trace.read("ch11/echo_storeserver, java", file);
            String shown = r.stdout();
            Diagram.Column client = d.columns.stream().filter(Diagram.Column::peer).findFirst().orElseThrow();
            assertThat(client.label).as(shown).startsWith("client 127.0.0.1:");
            assertThat(d.transfers).as(shown).anySatisfy(t -> assertThat(List.of(t.fromColumn(), t.bytes(), t.preview()))
                    .isEqualTo(List.of(client.index, 6, "hello\\n")));
            assertThat(d.transfers).as(shown).anySatisfy(t -> assertThat(List.of(t.toColumn(), t.bytes())).isEqualTo(List.of(client.index, 6)));
            assertThat(d.processCount()).as(shown).isGreaterThanOrEqualTo(3);   // server, store process, echo child
            assertThat(d.column(0).end).isEqualTo("killed by SIGINT");
        }
    }
}
