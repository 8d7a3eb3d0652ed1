package syskit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's C++ reference of a listing, chapters/CH/cpp/NAME.cpp, compiled with g++ into
 * target/cpp/CH/NAME (again only when the source is newer). A test that needs it is skipped
 * when g++ is missing.
 */
public final class CppReference {
    private CppReference() {}

    /** The path of the compiled reference of listing {@code id}, e.g. "ch11/pipe1". */
    public static String build(String id) {
        Tool.assumeInstalled("g++", "compile the C++ reference " + id);
        Path source = Run.ROOT.resolve("chapters/" + id.replace("/", "/cpp/") + ".cpp");
        Path binary = Run.ROOT.resolve("target/cpp/" + id);
        assertThat(source).as("C++ reference of %s", id).exists();
        try {
            if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
                Files.createDirectories(binary.getParent());
                Result r = Run.command("g++", "-Wall", "-O2", "-o", binary.toString(), source.toString()).run();
                assertThat(r.exitStatus()).as("g++ %s:\n%s", source, r.stderr()).isZero();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return binary.toString();
    }
}
