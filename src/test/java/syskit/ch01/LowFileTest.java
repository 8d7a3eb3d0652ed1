package syskit.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * ch01/low_open, ch01/low_read and ch01/fd_seri, Java and C, each in a directory of its own
 * (they write data.txt and test.dat where they run). Descriptor numbers differ between a JVM
 * and C, so the outputs are compared with the numbers taken out, and the numbers checked apart.
 */
class LowFileTest {
    static final Pattern FD = Pattern.compile("file descriptor: (\\d+) \n");

    @TempDir
    Path java;
    @TempDir
    Path c;

    @Test
    void lowOpenThenLowReadGiveTheSameFileAndOutputAsC() throws IOException {
        List<Result> open = Run.all(Lang.JAVA.run("ch01/low_open").dir(java), Lang.C.run("ch01/low_open").dir(c));
        for (Result r : open) {
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).matches(FD.pattern());
        }
        // C's descriptor is 3, the first after stdin, stdout and stderr; a JVM has its own open already.
        assertThat(fd(open.get(1).stdout())).isEqualTo(3);
        assertThat(fd(open.get(0).stdout())).isGreaterThan(2);
        // write(fd, buf, sizeof(buf)): the text and its NUL, 11 bytes.
        byte[] expected = "Let's go!\n\0".getBytes();
        assertThat(Files.readAllBytes(java.resolve("data.txt"))).isEqualTo(expected);
        assertThat(Files.readAllBytes(c.resolve("data.txt"))).isEqualTo(expected);
        // O_CREAT without a mode: the port passes 0, so nobody but root may read or write data.txt.
        assertThat(Files.getPosixFilePermissions(java.resolve("data.txt"))).isEmpty();

        List<Result> read = Run.all(Lang.JAVA.run("ch01/low_read").dir(java), Lang.C.run("ch01/low_read").dir(c));
        for (Result r : read) {
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(FD.matcher(r.stdout()).replaceFirst("file descriptor: N \n")).isEqualTo("file descriptor: N \nfile data: Let's go!\n");
        }
    }

    @Test
    void lowReadWithoutDataTxtSaysOpenErrorAndExits1() throws IOException {
        Path empty = Files.createDirectory(java.resolve("empty"));
        for (Result r : Run.all(Lang.JAVA.run("ch01/low_read").dir(empty), Lang.C.run("ch01/low_read").dir(empty))) {
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).isEqualTo("open() error!: No such file or directory\n");
        }
    }

    @Test
    void fdSeriPrintsThreeConsecutiveDescriptors() {
        List<Result> runs = Run.all(Lang.JAVA.run("ch01/fd_seri").dir(java), Lang.C.run("ch01/fd_seri").dir(c));
        List<Integer> javaFds = fds(runs.get(0)), cFds = fds(runs.get(1));
        assertThat(cFds).containsExactly(3, 4, 5);
        // In a JVM the first free number is higher than 3, and varies with the JVM; the three stay consecutive.
        assertThat(javaFds.get(0)).isGreaterThan(2);
        assertThat(javaFds).containsExactly(javaFds.get(0), javaFds.get(0) + 1, javaFds.get(0) + 2);
        assertThat(java.resolve("test.dat")).exists();
    }

    private static int fd(String out) {
        Matcher m = FD.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<Integer> fds(Result r) {
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).matches("file descriptor 1: \\d+\nfile descriptor 2: \\d+\nfile descriptor 3: \\d+\n");
        return r.lines().stream().map(l -> Integer.parseInt(l.substring(l.indexOf(": ") + 2))).toList();
    }
}
