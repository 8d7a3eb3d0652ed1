package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;

/** ch11/pipe_fds: after fork(), parent and child hold the same pipe, seen in /proc/PID/fd. */
class PipeFdsTest {

    @Test
    void parentAndChildHoldBothEndsOfOnePipeWithTheSameInode() {
        Result r = Run.listing("ch11/pipe_fds").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        Matcher fds = Pattern.compile("pipe\\(fds\\): fds\\[0\\] = (\\d+) .*, fds\\[1\\] = (\\d+) ").matcher(r.stdout());
        assertThat(fds.find()).as(r.stdout()).isTrue();
        String readEnd = fds.group(1), writeEnd = fds.group(2);

        Map<String, Map<String, String>> tables = tables(r.stdout());
        assertThat(tables).containsOnlyKeys("child", "parent");
        String inode = tables.get("parent").get(readEnd);
        assertThat(inode).as(r.stdout()).matches("pipe:\\[\\d+\\]");
        assertThat(tables.get("parent").get(writeEnd)).isEqualTo(inode);
        assertThat(tables.get("child").get(readEnd)).isEqualTo(inode);
        assertThat(tables.get("child").get(writeEnd)).isEqualTo(inode);
    }

    /** "child (pid N):" then "  3 -> target" lines, by process, by descriptor. */
    static Map<String, Map<String, String>> tables(String out) {
        Map<String, Map<String, String>> tables = new HashMap<>();
        Map<String, String> current = null;
        for (String line : out.lines().toList()) {
            Matcher who = Pattern.compile("(\\w+) \\(pid \\d+\\):").matcher(line);
            Matcher fd = Pattern.compile(" {2}(\\d+) -> (.*)").matcher(line);
            if (who.matches()) tables.put(who.group(1), current = new HashMap<>());
            else if (fd.matches() && current != null) current.put(fd.group(1), fd.group(2));
        }
        return tables;
    }
}
