package syskit.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What crossed a listing's pipes, seen from outside the process: the run goes under
 * {@code strace -f} and this keeps only the calls that matter. A JVM reads and writes many
 * files of its own (class files, /proc), so the listing's process is found as the thread that
 * forks, its pipes as the pipe()/pipe2() calls that thread made before, and the traffic as the
 * reads and writes of that thread and of the forked child on those pipes' descriptors.
 *
 * <p>{@link #lines()} reads like the listing, {@code child write fds[1] "Who are you?\0" (13 bytes)}:
 * the parent's calls in the order it made them, then the child's (how the two interleave is up
 * to the scheduler). One listing, one fork: the listings of chapter 11, section 1.
 */
public record PipeTrace(Result result, int childPid, Integer childExitStatus, List<String> lines) {

    /** Runs {@code run} under strace; pipeNames name the listing's pipes in the order it makes them ("fds1", "fds2"). */
    public static PipeTrace of(Run run, String... pipeNames) {
        Tool.assumeInstalled("strace", "see which bytes cross the pipes");
        try {
            Path trace = Files.createTempFile("syskit-strace", ".txt");
            try {
                Result result = run.under("strace", "-f", "-q", "-s", "64", "-xx", "-e", "signal=none",
                        "-e", "trace=execve,pipe,pipe2,read,write,fork,vfork,clone,clone3,wait4",
                        "-o", trace.toString()).run();
                return parse(result, Files.readAllLines(trace), pipeNames);
            } finally {
                Files.deleteIfExists(trace);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern CALL = Pattern.compile("(\\d+) +(\\w+)\\((.*)\\) += (-?\\d+).*");
    /** The execve of java; with -xx strace writes the path as hex escapes ("/java": x2f x6a x61 x76 x61). */
    private static final Pattern JAVA_EXEC = Pattern.compile("execve\\(\"[^\"]*(/java|\\\\x2f\\\\x6a\\\\x61\\\\x76\\\\x61)\".* = 0$");
    private static final Pattern EXIT = Pattern.compile("(\\d+) +\\+\\+\\+ exited with (\\d+) \\+\\+\\+");
    private static final Pattern FDS = Pattern.compile("\\[(\\d+), (\\d+)\\]");
    private static final Pattern DATA = Pattern.compile("(\\d+), \"((?:\\\\x[0-9a-f]{2})*)\"(\\.\\.\\.)?");

    static PipeTrace parse(Result result, List<String> trace, String... pipeNames) {
        // bin/syskit is a shell script that forks tools of its own before it becomes java: the
        // listing's calls start at the execve of java (a C reference has none).
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (JAVA_EXEC.matcher(trace.get(i)).find()) {
                trace = trace.subList(i, trace.size());
                break;
            }
        }
        List<String[]> calls = new ArrayList<>();      // {tid, name, args, ret}, in completion order
        Map<Integer, Integer> exits = new HashMap<>();
        Map<String, String> unfinished = new HashMap<>();
        for (String line : trace) {
            String tid = line.substring(0, Math.max(line.indexOf(' '), 0));
            if (line.endsWith(" <unfinished ...>")) {
                unfinished.put(tid, line.substring(0, line.length() - " <unfinished ...>".length()));
                continue;
            }
            int resumed = line.indexOf(" resumed>");
            if (line.contains(" <... ") && resumed > 0 && unfinished.containsKey(tid)) {
                line = unfinished.remove(tid) + line.substring(resumed + " resumed>".length());
            }
            Matcher m = CALL.matcher(line);
            if (m.matches()) calls.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
            Matcher e = EXIT.matcher(line);
            if (e.matches()) exits.put(Integer.parseInt(e.group(1)), Integer.parseInt(e.group(2)));
        }

        // The listing's thread is the one that forks: a clone without CLONE_THREAD (or fork/vfork).
        String parent = null;
        int child = -1;
        for (String[] c : calls) {
            boolean forks = c[1].equals("fork") || c[1].equals("vfork")
                    || (c[1].startsWith("clone") && !c[2].contains("CLONE_THREAD"));
            if (forks && !c[3].equals("-1")) {
                parent = c[0];
                child = Integer.parseInt(c[3]);
                break;
            }
        }
        if (parent == null) throw new AssertionError("no fork in the trace:\n" + String.join("\n", trace));

        Map<Integer, String> ends = new HashMap<>();   // descriptor -> "fds1[0]"
        int pipes = 0;
        List<String> parentLines = new ArrayList<>(), childLines = new ArrayList<>();
        for (String[] c : calls) {
            boolean inParent = c[0].equals(parent), inChild = c[0].equals(Integer.toString(child));
            if (inParent && c[1].startsWith("pipe") && c[3].equals("0") && pipes < pipeNames.length) {
                Matcher fds = FDS.matcher(c[2]);
                if (!fds.find()) continue;
                ends.put(Integer.parseInt(fds.group(1)), pipeNames[pipes] + "[0]");
                ends.put(Integer.parseInt(fds.group(2)), pipeNames[pipes] + "[1]");
                pipes++;
            } else if ((inParent || inChild) && (c[1].equals("read") || c[1].equals("write"))) {
                Matcher d = DATA.matcher(c[2]);
                if (!d.lookingAt() || !ends.containsKey(Integer.parseInt(d.group(1)))) continue;
                (inParent ? parentLines : childLines).add((inParent ? "parent" : "child") + " " + c[1] + " " + ends.get(Integer.parseInt(d.group(1)))
                        + " \"" + text(d.group(2)) + (d.group(3) != null ? "\"..." : "\"") + " (" + c[3] + " bytes)");
            }
        }
        List<String> lines = new ArrayList<>(parentLines);
        lines.addAll(childLines);
        return new PipeTrace(result, child, exits.get(child), lines);
    }

    /** strace's \xNN escapes as text, with a NUL shown as \0 as in the C source. */
    private static String text(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i + 4 <= escaped.length(); i += 4) bytes.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\0", "\\0");
    }
}
