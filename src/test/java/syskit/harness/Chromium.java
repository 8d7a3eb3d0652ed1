package syskit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

/**
 * A real browser for the tests: headless Chromium from Debian's package (/usr/bin/chromium),
 * each run with a fresh profile and nothing that talks to the network on its own. A test that
 * needs it is skipped, with a message saying so, when it is not installed.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {}

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY),
                "headless Chromium is not installed (/usr/bin/chromium): apt-get install -y chromium; this browser test is skipped");
    }

    /** Loads the URL, runs its scripts, and returns the DOM as Chromium serialises it (--dump-dom). */
    public static Result dumpDom(String url) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("syskit-chromium");
            try {
                return Run.command(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--dump-dom", url).timeout(Duration.ofSeconds(60)).run();
            } finally {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
