package syskit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import syskit.os.Signal;

/**
 * A listing held at chosen system calls from outside, to force one side of a race without a
 * hook in the listing: the JVM stops itself (SIGSTOP) before it starts, strace attaches with
 * {@code -f} and an inject rule (e.g. {@code inject=clone:delay_exit=3000000}: the parent's
 * fork() returns 3 s late, so the child runs first), then SIGCONT lets it go. The JVM's own
 * threads start with clone3 (glibc 2.34+), so a rule on clone holds only the listing's fork().
 * Close it to end the run and detach strace.
 */
public final class Held implements AutoCloseable {
    private final Run.Started started;
    private final Process strace;
    private final Path wrapper, trace;

    private Held(Run.Started started, Process strace, Path wrapper, Path trace) {
        this.started = started;
        this.strace = strace;
        this.wrapper = wrapper;
        this.trace = trace;
    }

    /** Starts the listing (the run ends at timeout, as {@link Run#timeout}) under strace with these options (e.g. "-e", "trace=clone", "-e", "inject=..."). */
    public static Held start(Duration timeout, List<String> straceOptions, String id, String... args) {
        Tool.assumeInstalled("strace", "hold a listing at a system call from outside");
        try {
            Path wrapper = Files.createTempFile("syskit-held", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(wrapper, "#!/bin/sh\nkill -STOP $$\nexec '" + Run.JAVA + "' \"$@\"\n");
            Path trace = Files.createTempFile("syskit-held", ".txt");
            Run.Started s = Run.listing(id, args).timeout(timeout).env("SYSKIT_JAVA", wrapper.toString()).start();
            if (!Await.until(() -> { Proc p = Proc.of(s.pid()); return p != null && p.state() == 'T'; }, Duration.ofSeconds(20))) {
                s.close();
                throw new IllegalStateException("the JVM's wrapper never stopped itself: " + Proc.of(s.pid()));
            }
            List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-q", "-o", trace.toString()));
            cmd.addAll(straceOptions);
            cmd.addAll(List.of("-p", Integer.toString(s.pid())));
            Process strace = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!Await.until(() -> Proc.traced(s.pid(), s.pid()), Duration.ofSeconds(20))) {
                strace.destroy();
                s.close();
                throw new IllegalStateException("strace did not attach");
            }
            Signal.kill(s.pid(), Signal.SIGCONT);
            return new Held(s, strace, wrapper, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Run.Started run() {
        return started;
    }

    /** What strace wrote so far. */
    public String trace() {
        try {
            return Files.readString(trace);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        strace.destroy();
        try {
            strace.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.close();
        try {
            Files.deleteIfExists(wrapper);
            Files.deleteIfExists(trace);
        } catch (IOException e) {
            // temp files
        }
    }
}
