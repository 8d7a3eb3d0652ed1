package syskit.harness;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import syskit.os.Messages;

/**
 * make watch (bin/watch): checks a learner's answer, then again each time it is saved, as
 * rustlings' watch mode does. The checks are make check's (ExerciseCheck.check), run in this JVM,
 * so a save costs no new build; the folder is watched with the JDK's WatchService (inotify), and
 * a save that an editor makes as several events (write, rename) gives one check. Ctrl-C ends it:
 * the listings a check was running are killed by Run's shutdown hook, and the last line says so.
 *   Watch &lt;exercise&gt; [answer.java]     without a file: exercises/&lt;exercise&gt;/*.java
 */
public final class Watch {
    private Watch() {}

    public static void main(String[] args) throws Exception {
        String id = args.length > 0 ? args[0] : "";
        if (ExerciseCheck.exercise(id) == null) {
            Messages.println(System.err, "watch: " + ExerciseCheck.noExercise(id));
            System.exit(2);
        }
        Path file = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
        if (file != null && !Files.isRegularFile(file)) {
            System.err.println("watch: no file '" + args[1] + "'");
            System.exit(2);
        }
        Path dir = file != null ? file.getParent() : Run.ROOT.resolve("exercises").resolve(id);
        if (file == null) System.setProperty("syskit.status", System.getenv().getOrDefault("SYSKIT_STATE",
                Run.ROOT.resolve(".learner").toString()) + "/" + id + ".status");
        System.setProperty("syskit.keepForTry", "true");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Messages.println(System.out, Messages.text("watch.stopped"))));
        String shown = file != null ? file.toString() : "exercises/" + id + "/*.java";
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
            while (true) {
                check(id, file != null ? List.of(file) : javaFiles(dir));
                Messages.println(System.out, Messages.text("watch.waiting", shown));
                awaitSave(watcher, file);
            }
        }
    }

    /** One make check: a private folder for the compiled answer, removed afterwards. */
    private static void check(String id, List<Path> sources) throws IOException {
        Path learner = Files.createDirectories(Run.ROOT.resolve("target/learner"));
        Path out = Files.createTempDirectory(learner, ".check.");
        try {
            List<String> args = new ArrayList<>(List.of(id, out.toString()));
            sources.forEach(s -> args.add(s.toString()));
            ExerciseCheck.check(args.toArray(String[]::new));
        } finally {
            ExerciseCheck.deleteTree(out);
        }
    }

    /** Blocks until a .java file (the one named, if any) is written, then lets the editor finish for 200 ms. */
    private static void awaitSave(WatchService watcher, Path file) throws InterruptedException {
        while (true) {
            WatchKey key = watcher.take();
            boolean saved = false;
            for (WatchEvent<?> e : key.pollEvents()) {
                if (!(e.context() instanceof Path name)) continue;
                saved |= file != null ? name.equals(file.getFileName()) : name.toString().endsWith(".java");
            }
            key.reset();
            if (!saved) continue;
            WatchKey more;
            while ((more = watcher.poll(200, TimeUnit.MILLISECONDS)) != null) {
                more.pollEvents();
                more.reset();
            }
            return;
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
