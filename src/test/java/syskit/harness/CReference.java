package syskit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's C reference of a listing: chapters/CH/c/NAME.c (compiled with gcc) or, for the
 * chapters whose book listings are C++, chapters/CH/cpp/NAME.cpp (g++), compiled into
 * target/ref/CH/NAME again only when the source is newer. A test that needs it is skipped when
 * the compiler is missing. Compiles with -pthread, so the threaded listings build alike.
 */
public final class CReference {
    private CReference() {}

    /** The path of the compiled reference of listing {@code id}, e.g. "ch11/pipe1" or "ch01/hello_server". */
    public static String build(String id) {
        String ch = id.substring(0, id.indexOf('/')), name = id.substring(id.indexOf('/') + 1);
        Path c = Run.ROOT.resolve("chapters/" + ch + "/c/" + name + ".c");
        Path cpp = Run.ROOT.resolve("chapters/" + ch + "/cpp/" + name + ".cpp");
        boolean isC = Files.exists(c);
        Path source = isC ? c : cpp;
        String compiler = isC ? "gcc" : "g++";
        Tool.assumeInstalled(compiler, "compile the C reference " + id);
        Path binary = Run.ROOT.resolve("target/ref/" + id);
        assertThat(source).as("C or C++ reference of %s (chapters/%s/c/%s.c)", id, ch, name).exists();
        try {
            if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
                Files.createDirectories(binary.getParent());
                Path tmp = Files.createTempFile(binary.getParent(), name, ".tmp"); // parallel tests may build the same one
                Result r = Run.command(compiler, "-Wall", "-O2", "-pthread", "-o", tmp.toString(), source.toString()).run();
                assertThat(r.exitStatus()).as("%s %s:\n%s", compiler, source, r.stderr()).isZero();
                Files.move(tmp, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return binary.toString();
    }
}
