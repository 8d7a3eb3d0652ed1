package syskit.launch;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import syskit.os.SigMask;
import syskit.posix.posix_h;

/**
 * The two JVM profiles a listing runs in, and the re-exec that enforces them when a JVM was
 * started without its launcher (from an IDE, say).
 *
 * {@code fork} ({@code syskit/jvm-fork.options}) is for the listings that fork: no JIT, serial
 * GC, no signal dispatcher, so that no JVM thread can hold a lock at the moment of a fork
 * (README, "Fork safety"). {@code jit} ({@code syskit/jvm-jit.options}) is for the listings that
 * never fork: the JIT compiles their hot loops, and {@link syskit.os.Unistd#fork} refuses to run.
 * The catalogue (listings.tsv) says which profile each listing takes; bin/syskit starts the JVM
 * with it and with the catchable signals already blocked, so that this check passes at once and
 * the JVM starts only once.
 */
public final class Profile {
    public static final String FORK = "fork", JIT = "jit";

    static final String MAIN_CLASS = Launcher.class.getName();
    private static final String REEXEC_MARK = "-Dsyskit.reexec=1";

    private Profile() {}

    /** The profile this JVM was started in (its -Dsyskit.profile), or null if none. */
    public static String current() {
        return System.getProperty("syskit.profile");
    }

    /** The JVM options of a profile, from syskit/jvm-PROFILE.options. */
    public static List<String> options(String profile) {
        return readOptions(resource("/syskit/jvm-" + profile + ".options"));
    }

    /**
     * Returns when this JVM runs in the given profile with the catchable signals blocked in
     * every thread. Otherwise blocks them and re-executes the same command with the profile's
     * options added (a signal mask survives execve, and every thread of the new JVM inherits
     * it); if even the re-executed JVM lacks them, returns why.
     */
    static String ensure(String profile) {
        boolean blocked = SigMask.catchableBlocked();
        if (profile.equals(current()) && blocked) return null;
        List<String> cmdline = cmdline();
        int main = cmdline.indexOf(MAIN_CLASS);
        if (main < 0) return null; // not started as 'java ... syskit.launch.Launcher': nothing to correct
        if (cmdline.subList(1, main).contains(REEXEC_MARK)) {
            return "the JVM did not keep the kit's '" + profile + "' profile after a restart (profile: " + current()
                    + (blocked ? "" : ", signals not blocked") + "). Check JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS.";
        }
        List<String> argv = new ArrayList<>();
        argv.add(cmdline.get(0));
        for (String o : cmdline.subList(1, main)) {
            if (!o.startsWith("-agentlib:jdwp") && !o.startsWith("-Xrunjdwp")) argv.add(o); // a debugger cannot follow the exec
        }
        argv.addAll(options(profile)); // after the caller's options: the profile's win
        argv.add(REEXEC_MARK);
        argv.addAll(cmdline.subList(main, cmdline.size()));
        SigMask.blockCatchable();
        System.out.flush();
        System.err.flush();
        execv("/proc/self/exe", argv);
        return "could not restart the JVM with the kit's profile: execv failed";
    }

    /** The options of a java @argfile: whitespace-separated, whole-line # comments. */
    static List<String> readOptions(String text) {
        List<String> options = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            options.addAll(List.of(line.split("\\s+")));
        }
        return List.copyOf(options);
    }

    private static String resource(String name) {
        try (var in = Profile.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> cmdline() {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void execv(String path, List<String> argv) {
        Arena arena = Arena.ofConfined(); // never closed: on success execv replaces the process
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1);
        for (int i = 0; i < argv.size(); i++) array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
        array.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
        posix_h.execv(arena.allocateFrom(path), array);
        arena.close();
    }
}
