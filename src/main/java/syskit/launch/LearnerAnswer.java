package syskit.launch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A learner's exercise file named as the listing to run (an IDE's "this file's listing" on
 * exercises/ch11/three_conversation/ThreeConversation.java): the learner's answer runs, not the
 * kit's reference answer of the same class, as {@code make try} runs it. The files of the
 * exercise's folder are compiled as make check compiles them, into target/learner/&lt;id&gt;/, only
 * when a source is newer than its classes: the JVM that an IDE starts compiles them (with the
 * JIT), and the JVM the launcher restarts in the listing's profile finds them current.
 */
record LearnerAnswer(String id, Path dir, Path classes) {

    /** The exercise a path names (…/exercises/&lt;chapter&gt;/&lt;name&gt;/&lt;File&gt;.java), or null. */
    static LearnerAnswer of(String arg) {
        if (!arg.endsWith(".java")) return null;
        Path file = Path.of(arg).toAbsolutePath().normalize();
        Path dir = file.getParent(), chapter = dir == null ? null : dir.getParent();
        Path exercises = chapter == null ? null : chapter.getParent();
        if (exercises == null || exercises.getFileName() == null || !exercises.getFileName().toString().equals("exercises")) {
            return null;
        }
        String id = chapter.getFileName() + "/" + dir.getFileName();
        return new LearnerAnswer(id, dir, exercises.getParent().resolve("target/learner/" + id));
    }

    /** Compiles the answer if a source is newer than its classes; null when it is ready, else javac's messages. */
    String compileIfStale() {
        List<Path> sources = sources();
        if (sources.isEmpty()) return "no .java file in " + dir;
        if (current(sources)) return null;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return "this JVM has no Java compiler (a JRE?): run it with a JDK";
        StringWriter messages = new StringWriter();
        try {
            Files.createDirectories(classes);
            List<String> options = List.of("--release", "25", "-XDstringConcat=inline", "-proc:none",
                    "-cp", System.getProperty("java.class.path"), "-d", classes.toString());
            var files = javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(messages, null, null, options, null, files).call();
            return ok ? null : "your answer does not compile:\n" + messages.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader that takes the answer's classes before the kit's, and everything else from the kit. */
    ClassLoader loader() {
        try {
            return new AnswerFirst(classes.toUri().toURL(), LearnerAnswer.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> sources() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every source older than the newest class compiled from the folder. */
    private boolean current(List<Path> sources) {
        try (Stream<Path> s = Files.isDirectory(classes) ? Files.walk(classes) : Stream.empty()) {
            long newestClass = s.filter(p -> p.toString().endsWith(".class")).mapToLong(LearnerAnswer::mtime).max().orElse(-1);
            return newestClass >= 0 && sources.stream().allMatch(p -> mtime(p) <= newestClass);
        } catch (IOException e) {
            return false;
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static final class AnswerFirst extends URLClassLoader {
        AnswerFirst(URL classes, ClassLoader kit) {
            super(new URL[] {classes}, kit);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notTheLearners) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
