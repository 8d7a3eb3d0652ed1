package syskit.harness;

import java.util.List;

/**
 * How one run ended. {@code exitStatus} is the process's status, or 128+N when signal N killed
 * it (Java reports both the same way; {@code signal} is N then, else 0). {@code hung}: still
 * running when the timeout came, so the harness killed its group. {@code survivors}: processes
 * of the run's session still alive after that kill; always empty unless something escaped.
 * {@code overran}: a learner's run wrote as much as {@link Run#LEARNER_OUTPUT_LIMIT} and was
 * stopped there (its stdout and stderr hold only that much).
 */
public record Result(int exitStatus, int signal, boolean hung, String stdout, String stderr,
                     List<Proc> survivors, long millis, boolean overran) {

    public Result(int exitStatus, int signal, boolean hung, String stdout, String stderr, List<Proc> survivors, long millis) {
        this(exitStatus, signal, hung, stdout, stderr, survivors, millis, false);
    }

    public List<String> lines() {
        return stdout.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitStatus + (signal != 0 ? " (signal " + signal + ")" : "") + (hung ? ", HUNG" : "")
                + " after " + millis + " ms\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr
                + (survivors.isEmpty() ? "" : "--- survivors ---\n" + survivors);
    }
}
