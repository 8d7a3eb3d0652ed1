package syskit.ch16;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tool;

/**
 * ch16/dup: three writes through fd 1 and its two copies come out, the one after close(1) does
 * not; the port's printf line comes first, as C's does on a terminal (line-buffered stdout).
 */
class DupTest {
    /** The writes send sizeof(str), so each ends with the string's NUL. */
    static final String WRITES = "Hi~ \n\0It's nice day~ \n\0Hi~ \n\0";

    @TempDir
    Path dir;

    @Test
    void thePortPrintsWhatCPrintsOnATerminal() {
        Result java = Run.listing("ch16/dup").run();
        Tool.assumeInstalled("stdbuf", "run C with a terminal's line buffering");
        Result c = Run.command("stdbuf", "-oL", CReference.build("ch16/dup")).run();
        assertThat(c.exitStatus()).as(c.toString()).isZero();
        assertThat(c.stdout()).isEqualTo("fd1=3 , fd2=7 \n" + WRITES);
        assertThat(java.exitStatus()).as(java.toString()).isZero();
        // dup takes the lowest free descriptor: 3 in C, the first one the JVM left free in the port.
        assertThat(java.stdout()).matches("fd1=\\d+ , fd2=7 \n" + WRITES);
    }

    @Test
    void cWithStdoutAPipeLosesItsPrintfLineToTheClose() {
        // Fully buffered, the printf line waits in stdio's buffer until exit, when fd 1 is closed.
        Result c = Lang.C.run("ch16/dup").run();
        assertThat(c.exitStatus()).as(c.toString()).isZero();
        assertThat(c.stdout()).isEqualTo(WRITES);
    }

    @Test
    void theWriteAfterClose1FailsWithEbadfAndTheKitPutsFd1BackAfterIt() throws IOException {
        Tool.assumeInstalled("strace", "watch the writes");
        Path log = dir.resolve("strace.log");
        Result r = Run.listing("ch16/dup").under("strace", "-f", "-qq", "-e", "trace=dup,dup2,fcntl,close,write", "-o", log.toString()).run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        String trace = Files.readString(log).replaceAll("(?m)^\\d+ +", "");
        // The listing's own calls start at its dup(1) (bash and the JVM's start-up come before).
        int dup = trace.indexOf("dup(1)");
        assertThat(dup).as(trace).isNotNegative();
        assertThat(trace.substring(dup).lines().map(l -> l.replaceAll(" +", " ")).toList()).as(trace).containsSubsequence(
                "write(7, \"It's nice day~ \\n\\0\", 17) = 17",
                "close(7) = 0",
                "write(1, \"Hi~ \\n\\0\", 6) = 6",
                "fcntl(1, F_DUPFD, 100) = 100",
                "close(1) = 0",
                "write(1, \"It's nice day~ \\n\\0\", 17) = -1 EBADF (Bad file descriptor)",
                "dup2(100, 1) = 1",
                "close(100) = 0");
    }
}
