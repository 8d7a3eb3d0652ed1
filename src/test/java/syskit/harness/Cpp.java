package syskit.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The chapters' C++ references, compiled with g++ into target/cpp/ for differential tests.
 * Without g++ the calling test is skipped, with the reason, instead of failing.
 */
public final class Cpp {
    private static final Path OUT = Run.ROOT.resolve("target/cpp");

    private Cpp() {}

    /** chapters/&lt;chapter&gt;/cpp/&lt;name&gt;.cpp compiled (once per build) to target/cpp/&lt;chapter&gt;/&lt;name&gt;. */
    public static String binary(String chapter, String name) {
        assumeTrue(gxx(), "g++ not found: the C++ reference of " + chapter + "/" + name + " is not compared");
        Path src = Run.ROOT.resolve("chapters").resolve(chapter).resolve("cpp").resolve(name + ".cpp");
        Path bin = OUT.resolve(chapter).resolve(name);
        try {
            if (Files.exists(bin) && Files.getLastModifiedTime(bin).compareTo(Files.getLastModifiedTime(src)) >= 0) {
                return bin.toString();
            }
            Files.createDirectories(bin.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result r = Run.command("g++", "-std=c++17", "-Wall", "-O2", "-o", bin.toString(), src.toString())
                .timeout(Duration.ofSeconds(120)).run();
        if (r.exitStatus() != 0) throw new AssertionError("g++ failed on " + src + ":\n" + r.stderr());
        return bin.toString();
    }

    private static boolean gxx() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "g++"))) return true;
        }
        return false;
    }
}
