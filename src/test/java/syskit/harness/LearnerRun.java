package syskit.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * The end of a learner's run, checked in the learner's words: it ended in time, left no
 * process behind, and exited with 0; and the bounds every check keeps on what an answer sends
 * back (a runaway writer gets a FAIL, never an OutOfMemoryError). One helper for every
 * exercise's checks.
 */
public final class LearnerRun {
    /** The most a check reads from one socket or pipe of the answer's (as {@link Run#LEARNER_OUTPUT_LIMIT}). */
    public static final int READ_LIMIT = (int) Run.LEARNER_OUTPUT_LIMIT;

    private LearnerRun() {}

    /**
     * Waits up to {@code within} for the run to end and reports it. Fails with {@code notEnded}
     * (a program that did not end) or {@code leftBehind} (a parent that ended before its
     * children; the survivors are named), each followed by the output, or for a non-zero status.
     */
    public static Result finish(Run.Started s, Duration within, String notEnded, String leftBehind) {
        boolean ended = s.awaitExit(within) && !s.overran();
        List<Proc> left = ended ? Proc.inSession(s.pid()).stream().filter(p -> !p.zombie()).toList() : List.of();
        Result r = s.await();
        overran(r);
        if (!ended) Checks.fail("LearnerRun.notEnded", notEnded, shown(r.stdout()));
        if (!left.isEmpty()) Checks.fail("LearnerRun.leftBehind", leftBehind, left, shown(r.stdout()));
        if (r.exitStatus() != 0) Checks.fail("LearnerRun.status", r.exitStatus(), shown(r.stdout()), shown(r.stderr()));
        return r;
    }

    /** Fails when the run wrote without end (it was stopped at the limit); call it first on a learner's Result. */
    public static Result overran(Result r) {
        if (r.overran()) {
            Checks.fail("LearnerRun.overran", Run.LEARNER_OUTPUT_LIMIT, shown(r.stdout().isEmpty() ? r.stderr() : r.stdout()));
        }
        return r;
    }

    /**
     * Reads to the end of what the answer sends on a socket or pipe, but no more than
     * {@link #READ_LIMIT} bytes: beyond it, fails with "{@code who} wrote more than N bytes without end".
     * Timeouts (SO_TIMEOUT) and errors reach the caller as IOException, with what was read so far lost;
     * use {@link #readUpTo} to keep it.
     */
    public static byte[] readToEnd(InputStream in, String who) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        readUpTo(in, got, who);
        return got.toByteArray();
    }

    /** The same, into {@code got}, so that the caller still has what came before a timeout. */
    public static void readUpTo(InputStream in, ByteArrayOutputStream got, String who) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            got.write(buf, 0, n);
            if (got.size() > READ_LIMIT) {
                Checks.fail("LearnerRun.sentTooMuch", who, READ_LIMIT, clip(got.toString(java.nio.charset.StandardCharsets.ISO_8859_1), 200));
            }
        }
    }

    /** Output as a learner reads it in a message: the first 30 lines, each at most 200 characters. */
    public static String shown(String output) {
        List<String> lines = output.lines().map(l -> clip(l, 200)).toList();
        if (lines.size() <= 30 && output.lines().allMatch(l -> l.length() <= 200)) return output;
        if (lines.size() <= 30) return String.join("\n", lines) + "\n";
        return String.join("\n", lines.subList(0, 30)) + "\n... (" + (lines.size() - 30) + " more lines)\n";
    }

    /** At most {@code max} characters, with the number left out said. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }
}
