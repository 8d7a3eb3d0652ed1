package syskit.ch15;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tool;

/**
 * ch15/syscpy, stdcpy, desto and todes against their C references: the same files, the same
 * output; and the point of syscpy against stdcpy, counted instead of timed: 3 bytes per write(2)
 * against one write(2) per 4 KiB stdio buffer, in the port as in C.
 */
class StdioFilesTest {
    /** 3000 bytes: syscpy needs 1000 writes, stdcpy one (its buffer is 4 KiB). */
    static final String NEWS = String.format("%-99s\n", "The kit's own news: one hundred bytes a line, copied three bytes at a time or through stdio.").repeat(30);

    @TempDir
    Path dir;

    private Path newsIn(Path d) throws IOException {
        Files.createDirectories(d);
        assertThat(NEWS).hasSize(3000);
        return Files.writeString(d.resolve("news.txt"), NEWS);
    }

    @Test
    void syscpyAndStdcpyCopyNewsTxtAsTheirCTwinsDo() throws IOException {
        for (String name : List.of("syscpy", "stdcpy")) {
            Path java = dir.resolve("java-" + name), c = dir.resolve("c-" + name);
            newsIn(java);
            newsIn(c);
            Result rj = Run.listing("ch15/" + name).dir(java).run();
            Result rc = Lang.C.run("ch15/" + name).dir(c).run();
            for (Result r : List.of(rj, rc)) {
                assertThat(r.exitStatus()).as(r.toString()).isZero();
                assertThat(r.stdout() + r.stderr()).isEmpty();
            }
            assertThat(Files.readString(java.resolve("cpy.txt"))).isEqualTo(NEWS);
            assertThat(Files.readString(c.resolve("cpy.txt"))).isEqualTo(NEWS);
        }
    }

    @Test
    void syscpyMakesAThousandWritesWhereStdcpyMakesOne() throws IOException {
        Tool.assumeInstalled("strace", "count the copies' write calls");
        for (boolean java : List.of(true, false)) {
            int sys = writesToCpyTxt(java, "syscpy"), std = writesToCpyTxt(java, "stdcpy");
            assertThat(sys).as((java ? "port" : "C") + ": syscpy's writes of 3 bytes").isEqualTo(1000);
            assertThat(std).as((java ? "port" : "C") + ": stdcpy's writes (one full 4 KiB buffer at fclose)").isEqualTo(1);
        }
    }

    /** write(2) calls on cpy.txt's descriptor, from strace. */
    private int writesToCpyTxt(boolean java, String name) throws IOException {
        Path d = dir.resolve("trace-" + java + "-" + name);
        newsIn(d);
        Path log = d.resolve("strace.log");
        Run run = Lang.of(java).run("ch15/" + name);
        Result r = run.under("strace", "-f", "-qq", "-e", "trace=openat,write", "-o", log.toString()).dir(d).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        String trace = Files.readString(log);
        Matcher open = Pattern.compile("openat\\(AT_FDCWD, \"cpy.txt\", [^)]*\\) = (\\d+)").matcher(trace);
        assertThat(open.find()).as("cpy.txt opened:\n" + trace).isTrue();
        return (int) trace.lines().filter(l -> l.matches("\\d+ +write\\(" + open.group(1) + ", .*")).count();
    }

    @Test
    void aMissingNewsTxtIsOneLineAndExit1() {
        for (String name : List.of("syscpy", "stdcpy")) {
            Result java = Run.listing("ch15/" + name).dir(dir).run();
            Result c = Lang.C.run("ch15/" + name).dir(dir).run();
            for (Result r : List.of(java, c)) {
                assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
                assertThat(r.stderr()).isEqualTo("news.txt: No such file or directory\n");
            }
        }
    }

    @Test
    void destoWritesItsLineThroughTheStreamAndTodesPrintsOneNumberTwice() throws IOException {
        for (String name : List.of("desto", "todes")) {
            Path java = Files.createDirectories(dir.resolve("java-" + name)), c = Files.createDirectories(dir.resolve("c-" + name));
            Result rj = Run.listing("ch15/" + name).dir(java).run();
            Result rc = Lang.C.run("ch15/" + name).dir(c).run();
            assertThat(rj.exitStatus()).as(rj.toString()).isZero();
            assertThat(rc.exitStatus()).as(rc.toString()).isZero();
            assertThat(Files.readString(java.resolve("data.dat"))).isEqualTo(Files.readString(c.resolve("data.dat")));
            // The descriptor number differs (a JVM holds descriptors of its own); the rest does not.
            assertThat(rj.stdout().replaceAll(": \\d+ ", ": N ")).isEqualTo(rc.stdout().replaceAll(": \\d+ ", ": N "));
            if (name.equals("todes")) {
                assertThat(rc.stdout()).isEqualTo("First file descriptor : 3 \nSecond file descriptor: 3 \n");
                Matcher m = Pattern.compile("First file descriptor : (\\d+) \nSecond file descriptor: (\\d+) \n").matcher(rj.stdout());
                assertThat(m.matches()).as(rj.stdout()).isTrue();
                assertThat(m.group(2)).as("fileno gives back the descriptor").isEqualTo(m.group(1));
                assertThat(Files.readString(java.resolve("data.dat"))).isEqualTo("TCP/IP SOCKET PROGRAMMING \n");
            } else {
                assertThat(rj.stdout()).isEmpty();
                assertThat(Files.readString(java.resolve("data.dat"))).isEqualTo("Network C programming \n");
            }
        }
    }

    @Test
    void destoAndTodesSayFileOpenErrorWhenDataDatCannotBeOpened() throws IOException {
        Files.createDirectories(dir.resolve("data.dat"));   // a directory: open(O_WRONLY) fails with EISDIR
        for (String name : List.of("desto", "todes")) {
            Result java = Run.listing("ch15/" + name).dir(dir).run();
            Result c = Lang.C.run("ch15/" + name).dir(dir).run();
            for (Result r : List.of(java, c)) {
                assertThat(r.exitStatus()).as(r.toString()).isEqualTo(255);   // the book's return -1
                assertThat(r.stdout()).isEqualTo("file open error");
            }
        }
    }
}
