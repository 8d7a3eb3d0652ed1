package syskit.harness;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;

/**
 * The end of a learner's run, checked in the learner's words: it ended in time, left no
 * process behind, and exited with 0. One helper for every exercise's checks.
 */
public final class LearnerRun {
    private LearnerRun() {}

    /**
     * Waits up to {@code within} for the run to end and reports it. Fails with {@code notEnded}
     * (a program that did not end) or {@code leftBehind} (a parent that ended before its
     * children; the survivors are named), each followed by the output, or for a non-zero status.
     */
    public static Result finish(Run.Started s, Duration within, String notEnded, String leftBehind) {
        boolean ended = s.awaitExit(within);
        List<Proc> left = ended ? Proc.inSession(s.pid()).stream().filter(p -> !p.zombie()).toList() : List.of();
        Result r = s.await();
        if (!ended) fail("%s%n%nOutput so far:%n%s", notEnded, shown(r.stdout()));
        if (!left.isEmpty()) fail("%s (%s)%n%nOutput:%n%s", leftBehind, left, shown(r.stdout()));
        if (r.exitStatus() != 0) {
            fail("Your program ended with status %d instead of 0.%n%nOutput:%n%s%nErrors:%n%s",
                    r.exitStatus(), shown(r.stdout()), shown(r.stderr()));
        }
        return r;
    }

    /** Output as a learner reads it in a message: the first 30 lines. */
    public static String shown(String output) {
        List<String> lines = output.lines().toList();
        if (lines.size() <= 30) return output;
        return String.join("\n", lines.subList(0, 30)) + "\n... (" + (lines.size() - 30) + " more lines)\n";
    }
}
