package syskit.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import syskit.os.Signal;

/**
 * Runs a listing (or any command) as a real, separate process in a session and process group
 * of its own, with a timeout, and afterwards kills that whole group and checks that none of
 * its processes survived. Every test that runs kit code goes through here.
 *
 * <pre>
 * Result r = Run.listing("ch11/pipe1").run();
 * try (Started s = Run.listing("ch11/pipe2").start()) { ... s.awaitOutput("Child", ...) ... }
 * </pre>
 */
public final class Run {
    public static final Path ROOT = Path.of(System.getProperty("syskit.root", ".")).toAbsolutePath();
    public static final Path CLASSES = Path.of(System.getProperty("syskit.classes", "target/classes")).toAbsolutePath();
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** System property: a directory of learner classes that go before the kit's (see {@link #listing}). */
    public static final String LEARNER_CLASSES = "syskit.learnerClasses";
    /** The same for the checks ExerciseCheck runs on this thread (the tests run classes in parallel). */
    static final ThreadLocal<String> LEARNER = new ThreadLocal<>();
    /**
     * What a learner's run may write: a file of its own (its stdout and stderr included) grows no
     * larger (RLIMIT_FSIZE), and its output is read no further, so an answer that writes without
     * end fills neither the disk nor the check's memory (see {@link Result#overran}).
     */
    public static final long LEARNER_OUTPUT_LIMIT = 1 << 20;
    /** Runs still going, killed when the JVM exits (bin/grade gives up on a student that hangs). */
    private static final java.util.Set<Started> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(s -> Signal.kill(-s.pid(), Signal.SIGKILL))));
    }

    private final List<String> command;
    private byte[] stdin = new byte[0];
    private boolean stdinPipe;
    private Duration timeout = Duration.ofSeconds(20);
    private Path dir = ROOT;
    private final Map<String, String> env = new java.util.HashMap<>();
    private long fileLimit = -1;   // RLIMIT_FSIZE in bytes; -1: inherited
    private long outputLimit = Long.MAX_VALUE;

    private Run(List<String> command) {
        this.command = command;
    }

    /** A listing through the kit's launcher, bin/syskit, in the JVM profile its catalogue entry names. */
    public static Run listing(String id, String... args) {
        return listingWithJvmOptions(List.of(), id, args);
    }

    /**
     * A listing with extra JVM options (e.g. -Dsyskit.* test hooks) before the profile. When the
     * system property {@value #LEARNER_CLASSES} names a directory (make check sets it to the
     * learner's compiled exercise), its classes come first on the classpath and replace the
     * reference answer of the same name.
     */
    public static Run listingWithJvmOptions(List<String> jvmOptions, String id, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/syskit").toString(), id));
        cmd.addAll(List.of(args));
        Run run = new Run(cmd).env("SYSKIT_JAVA", JAVA);
        if (!jvmOptions.isEmpty()) run.env("SYSKIT_JVM_OPTS", String.join(" ", jvmOptions));
        String learner = LEARNER.get() != null ? LEARNER.get() : System.getProperty(LEARNER_CLASSES, "");
        if (!learner.isBlank()) {
            run.env("SYSKIT_LEARNER_CLASSES", learner).fileSizeLimit(LEARNER_OUTPUT_LIMIT + 1);
            run.outputLimit = LEARNER_OUTPUT_LIMIT;
        }
        return run;
    }

    /**
     * Several independent runs at once (bad-argument checks, a listing beside its C reference):
     * all are started, then all awaited, so their JVM starts overlap instead of adding up. Each
     * keeps its own timeout, session and clean-up; the results come back in the order of the runs.
     */
    public static List<Result> all(List<Run> runs) {
        List<Started> started = new ArrayList<>();
        try {
            for (Run r : runs) started.add(r.start());
            return started.stream().map(Started::await).toList();
        } finally {
            started.forEach(Started::close);
        }
    }

    public static List<Result> all(Run... runs) {
        return all(List.of(runs));
    }

    /** Any program, e.g. a compiled C++ reference or bin/syskit itself. */
    public static Run command(String... command) {
        return new Run(new ArrayList<>(List.of(command)));
    }

    /** Runs the command under another program, e.g. {@code under("strace", "-f", ...)}. */
    public Run under(String... wrapper) {
        command.addAll(0, List.of(wrapper));
        return this;
    }

    public Run stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** stdin as a pipe the test writes to through {@link Started#stdin()}. */
    public Run stdinPipe() {
        this.stdinPipe = true;
        return this;
    }

    public Run timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Run dir(Path dir) {
        this.dir = dir;
        return this;
    }

    /** No file the run writes (stdout and stderr included) grows beyond that many bytes: ulimit -f. */
    public Run fileSizeLimit(long bytes) {
        this.fileLimit = bytes;
        return this;
    }

    public Run env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs to the end (or the timeout), then cleans up. */
    public Result run() {
        try (Started s = start()) {
            return s.await();
        }
    }

    public Started start() {
        try {
            Path out = Files.createTempFile("syskit-out", ".txt");
            Path err = Files.createTempFile("syskit-err", ".txt");
            Path in = Files.createTempFile("syskit-in", ".txt");
            Files.write(in, stdin);
            List<String> cmd = new ArrayList<>(List.of("setsid", "-w"));
            if (fileLimit >= 0) cmd.addAll(List.of("prlimit", "--fsize=" + fileLimit, "--"));
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.redirectInput(stdinPipe ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(in.toFile()));
            pb.environment().putAll(env);
            return new Started(pb.start(), out, err, in, timeout, outputLimit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run in progress. Closing it kills the process group and deletes the capture files. */
    public static final class Started implements AutoCloseable {
        private final Process process;
        private final Path out, err, in;
        private final Duration timeout;
        private final long outputLimit;
        private final long startNanos = System.nanoTime();
        private Result result;

        Started(Process process, Path out, Path err, Path in, Duration timeout, long outputLimit) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.in = in;
            this.timeout = timeout;
            this.outputLimit = outputLimit;
            LIVE.add(this);
        }

        /** The pid of the listing's first process, which is also its process group and session id. */
        public int pid() {
            return (int) process.pid();
        }

        public OutputStream stdin() {
            return process.getOutputStream();
        }

        public String stdout() {
            return read(out, outputLimit);
        }

        public String stderr() {
            return read(err, outputLimit);
        }

        /** True once stdout or stderr reached the output limit: a writer without end. */
        public boolean overran() {
            return outputLimit != Long.MAX_VALUE && (out.toFile().length() >= outputLimit || err.toFile().length() >= outputLimit);
        }

        /** Waits until stdout contains the text; false if the timeout passes first. */
        public boolean awaitOutput(String text, Duration within) {
            return Await.until(() -> stdout().contains(text), within);
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** Waits up to that long for the first process to end, killing nothing; false if it still runs. */
        public boolean awaitExit(Duration within) {
            try {
                return process.waitFor(within.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Sends a signal to the listing's first process. */
        public void signal(int sig) {
            Signal.kill(pid(), sig);
        }

        /**
         * Waits for the end, up to the run's timeout, then kills the group and reports. The end
         * is when every process of the session has ended (zombies aside), not only the first:
         * a child its parent did not wait for may still be printing, and a shell's
         * {@code $(...)} would wait for it too. {@code hung}: something was still running at
         * the timeout; the exit status is the first process's, if it had ended.
         */
        public Result await() {
            if (result != null) return result;
            long deadline = startNanos + timeout.toNanos();
            boolean ended;
            if (outputLimit != Long.MAX_VALUE) {   // a writer without end is stopped as soon as it reaches the limit
                Await.until(() -> !process.isAlive() || overran(), Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
                ended = !process.isAlive();
            } else {
                try {
                    ended = process.waitFor(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ended = false;
                }
            }
            boolean hung = !ended || !Await.until(() -> liveProcesses().isEmpty(),
                    Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
            return finish(hung, ended);
        }

        /** Stops the run now: kills the group and reports it as hung if it was still running. */
        public Result kill() {
            if (result != null) return result;
            boolean running = process.isAlive();
            return finish(running, !running);
        }

        /** Kills the group and records the result; the exit status is -1 unless the first process had ended. */
        private Result finish(boolean hung, boolean firstEnded) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            List<Proc> survivors = killGroup();
            int status = firstEnded ? process.exitValue() : -1;
            result = new Result(status, status > 128 ? status - 128 : 0, hung, stdout(), stderr(), survivors, millis, overran());
            LIVE.remove(this);
            return result;
        }

        /** The processes of the run's session still alive (zombies are dead: they only wait to be reaped). */
        private List<Proc> liveProcesses() {
            return Proc.inSession(pid()).stream().filter(p -> !p.zombie()).toList();
        }

        /** SIGKILL to every process of the session; returns those still alive 5 s later. */
        private List<Proc> killGroup() {
            int sid = pid();
            for (Proc p : Proc.inSession(sid)) Signal.kill(p.pid(), Signal.SIGKILL);
            Signal.kill(-sid, Signal.SIGKILL);
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Await.until(() -> liveProcesses().isEmpty(), Duration.ofSeconds(5));
            return liveProcesses();
        }

        @Override
        public void close() {
            kill();
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(in);
            } catch (IOException e) {
                // temp files: nothing to do
            }
        }

        /** The file's first {@code limit} bytes as UTF-8. */
        private static String read(Path p, long limit) {
            try {
                // leniently: a listing may print bytes that are not UTF-8 (it prints what it received)
                try (var in = Files.newInputStream(p)) {
                    byte[] b = limit == Long.MAX_VALUE ? in.readAllBytes() : in.readNBytes((int) limit);
                    return new String(b, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
