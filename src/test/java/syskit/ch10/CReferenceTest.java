package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * Each Java port against its C++ reference (chapters/ch10/cpp/): same lines, same exit status.
 * Pids are masked; where parent and child print at the same time the lines are compared as a
 * set, since the scheduler decides their order in C as in Java. Both run at once.
 */
class CReferenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "fork          | ''    | any order",
            "zombie        | 1     | any order",
            "wait          | 0     | any order",
            "signal        | ''    | in order",
            "sigaction     | ''    | in order",
            "remove_zombie | 1 3   | any order",
    })
    void thePortPrintsWhatTheCReferencePrints(String name, String args, String order) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        String[] cpp = new String[argv.length + 1];
        cpp[0] = CReference.build("ch10/" + name);
        System.arraycopy(argv, 0, cpp, 1, argv.length);

        Duration limit = Duration.ofSeconds(40);
        try (Run.Started c = Run.command(cpp).timeout(limit).start();
             Run.Started j = Run.listing("ch10/" + name, argv).timeout(limit).start()) {
            Result expected = c.await(), actual = j.await();
            assertThat(expected.hung()).as(expected.toString()).isFalse();
            assertThat(actual.exitStatus()).as(actual.toString()).isEqualTo(expected.exitStatus());
            List<String> want = masked(expected), got = masked(actual);
            if (order.equals("in order")) assertThat(got).containsExactlyElementsOf(want);
            else assertThat(got).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    private static List<String> masked(Result r) {
        // wait: which child wait() collects first is up to the scheduler, in C as in Java
        return r.lines().stream().map(l -> l.replaceAll("((?i:id|pid): )\\d+", "$1<pid>")
                .replaceAll("^Child send (one|two): ", "Child send: ")).toList();
    }
}
