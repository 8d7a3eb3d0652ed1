package syskit.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Programs some tests need beside the JDK (g++, strace): a test without one is skipped, saying why. */
public final class Tool {
    private Tool() {}

    /** Skips the calling test unless {@code name} is an executable on PATH. */
    public static void assumeInstalled(String name, String neededFor) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) found = true;
        }
        Assumptions.assumeTrue(found, name + " is not installed (not on PATH), and this test needs it to "
                + neededFor + ". Install it (apt-get install " + name + ", as .ci/run does) to run it.");
    }
}
