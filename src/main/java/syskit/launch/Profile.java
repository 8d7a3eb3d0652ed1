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
 * The JVM profile every listing runs in, and the re-exec that enforces it.
 *
 * Measured on this kit's machines (README, "Fork safety"): with default flags half of the
 * forked children hung on a lock a JIT thread held at the fork. Each option in
 * {@code syskit/jvm.options} removes a thread, or a thread's activity, that could hold a lock at
 * that moment, or makes the child behave like a C child.
 */
public final class Profile {
    /** The JVM options of the fork-safe profile, from syskit/jvm.options. */
    public static final List<String> JVM_OPTIONS = readOptions(resource("/syskit/jvm.options"));

    static final String MAIN_CLASS = Launcher.class.getName();
    private static final String REEXEC_MARK = "-Dsyskit.reexec=1";

    private Profile() {}

    /**
     * Returns when this JVM runs in the profile with the catchable signals blocked in every
     * thread. Otherwise blocks them and re-executes the same command with the profile added
     * (a signal mask survives execve, and every thread of the new JVM inherits it); if even the
     * re-executed JVM lacks it, returns why.
     */
    static String ensure() {
        List<String> cmdline = cmdline();
        int main = cmdline.indexOf(MAIN_CLASS);
        if (main < 0) return null; // not started as 'java ... syskit.launch.Launcher': nothing to correct
        List<String> options = expandArgFiles(cmdline.subList(1, main));
        List<String> missing = new ArrayList<>();
        for (String o : JVM_OPTIONS) if (!options.contains(o)) missing.add(o);
        boolean blocked = SigMask.catchableBlocked();
        if (missing.isEmpty() && blocked) return null;
        if (options.contains(REEXEC_MARK)) {
            return "the JVM did not keep the kit's profile after a restart (missing: " + String.join(" ", missing)
                    + (blocked ? "" : ", signal mask") + "). Check JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS.";
        }
        List<String> argv = new ArrayList<>();
        argv.add(cmdline.get(0));
        argv.addAll(missing);
        argv.addAll(cmdline.subList(1, main));
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

    private static List<String> expandArgFiles(List<String> options) {
        List<String> expanded = new ArrayList<>();
        for (String o : options) {
            if (!o.startsWith("@")) { expanded.add(o); continue; }
            try {
                expanded.addAll(readOptions(Files.readString(Path.of(o.substring(1)))));
            } catch (IOException e) {
                expanded.add(o);
            }
        }
        return expanded;
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
