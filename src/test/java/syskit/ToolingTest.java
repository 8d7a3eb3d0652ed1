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
    void withNoJdk25AnywhereFindJdkSaysWhatToInstall(@TempDir Path emptyJvmDir) {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, "SYSKIT_JVM_DIR=" + emptyJvmDir,
                Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("needs a JDK 25 or newer").contains("JAVA_HOME");
    }

    @Test
    void makeBuildWithOnlyAnOldJdkStopsWithExit2AndTheSameSentence(@TempDir Path emptyJvmDir) {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, "SYSKIT_JVM_DIR=" + emptyJvmDir,
                "make", "-s", "-C", Run.ROOT.toString(), "build").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).contains("needs a JDK 25 or newer").doesNotContain("javac").doesNotContain("BUILD FAILURE");
    }

    @Test
    void findJdkPrefersANewEnoughJavaHomeAndSkipsAnOldOne() {
        Result r = Run.command("env", "JAVA_HOME=" + OLD_JDK, Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).isZero();
        assertThat(Path.of(r.stdout().strip()).resolve("bin/java")).isExecutable();
        assertThat(r.stdout().strip()).isNotEqualTo(OLD_JDK);
    }

    /** A JDK 24 (the release file and two scripts are all find-jdk looks at) is too old: javac 24 rejects --release 25. */
    @Test
    void findJdkSkipsAJdk24(@TempDir Path jvmDir) throws IOException {
        Path jdk24 = jvmDir.resolve("jdk-24");
        Files.createDirectories(jdk24.resolve("bin"));
        Files.writeString(jdk24.resolve("release"), "JAVA_VERSION=\"24.0.2\"\n");
        for (String tool : new String[] {"java", "javac"}) {
            Path p = jdk24.resolve("bin").resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho 'openjdk version \"24.0.2\"' >&2\n");
            p.toFile().setExecutable(true);
        }
        Result r = Run.command("env", "JAVA_HOME=" + jdk24, "SYSKIT_JVM_DIR=" + jvmDir,
                Run.ROOT.resolve("bin/find-jdk").toString()).run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("needs a JDK 25 or newer");
    }

    /**
     * One JDK minimum everywhere: the release javac compiles for, the enforcer rule, bin/find-jdk,
     * and every sentence in the README, the Makefile and CI that names a minimum.
     */
    @Test
    void everyPlaceNamesTheJdkTheBuildCompilesFor() throws IOException {
        String pom = Files.readString(Run.ROOT.resolve("pom.xml"));
        java.util.regex.Matcher release = java.util.regex.Pattern.compile("<maven.compiler.release>(\\d+)<").matcher(pom);
        assertThat(release.find()).isTrue();
        String min = release.group(1);
        assertThat(min).isEqualTo("25");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        java.util.regex.Pattern named = java.util.regex.Pattern.compile(
                "<release>(\\d+)<|\\[(\\d+),\\)|require-jdk-(\\d+)|JDK (\\d+) or newer|JDK >= ?(\\d+)|^min=(\\d+)|if it is (\\d+) or newer|\\((\\d+) recommended\\)",
                java.util.regex.Pattern.MULTILINE);
        for (String file : new String[] {"pom.xml", "bin/find-jdk", "README.md", "Makefile", ".ci/run"}) {
            String text = Files.readString(Run.ROOT.resolve(file));
            java.util.regex.Matcher m = named.matcher(text);
            while (m.find()) {
                String v = null;
                for (int g = 1; g <= m.groupCount() && v == null; g++) v = m.group(g);
                if (m.group().contains("recommended") || !v.equals(min)) wrong.add(file + ": " + m.group());
            }
        }
        assertThat(wrong).as("places that name another JDK minimum than --release %s", min).isEmpty();
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
