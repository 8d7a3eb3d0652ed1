package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Result;
import syskit.harness.Run;

/** The build's own scripts fail with one clear sentence, never a raw tool error. */
class ToolingTest {
    static final String OLD_JDK = "/usr/lib/jvm/java-17-openjdk-amd64";

    @Test
    void makeBindingsWithoutJextractExits2AndLeavesTheBindingsUntouched() throws Exception {
        String before = digest(Run.ROOT.resolve("jextract-gen"));
        Result r = Run.command("env", "-u", "JEXTRACT", "PATH=/usr/bin:/bin", Run.ROOT.resolve("bin/bindings").toString()).run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).contains("no jextract found").contains("left untouched");
        assertThat(digest(Run.ROOT.resolve("jextract-gen"))).isEqualTo(before);
    }

    @Test
    void withNoJdk22AnywhereFindJdkSaysWhatToInstall(@TempDir Path emptyJvmDir) {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, "SYSKIT_JVM_DIR=" + emptyJvmDir,
                Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("needs a JDK 22 or newer (25 recommended)").contains("JAVA_HOME");
    }

    @Test
    void makeBuildWithOnlyAnOldJdkStopsWithExit2AndTheSameSentence(@TempDir Path emptyJvmDir) {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, "SYSKIT_JVM_DIR=" + emptyJvmDir,
                "make", "-s", "-C", Run.ROOT.toString(), "build").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).contains("needs a JDK 22 or newer").doesNotContain("javac").doesNotContain("BUILD FAILURE");
    }

    @Test
    void findJdkPrefersANewEnoughJavaHomeAndSkipsAnOldOne() {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).isZero();
        assertThat(Path.of(r.stdout().strip()).resolve("bin/java")).isExecutable();
        assertThat(r.stdout().strip()).isNotEqualTo(OLD_JDK);
    }

    private static String digest(Path dir) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(f.toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
