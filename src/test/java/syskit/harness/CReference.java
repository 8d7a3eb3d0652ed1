package syskit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

/**
 * The project's C reference of a listing: chapters/CH/c/NAME.c (gcc) or, for the chapters whose
 * book listings are C++, chapters/CH/cpp/NAME.cpp (g++), compiled by bin/cref, the kit's one
 * compile recipe, into target/ref/CH/NAME (again only when the source is newer). A test that
 * needs it is skipped when the compiler is missing. "bench/NAME" is bench/c/NAME.c, a bench program.
 */
public final class CReference {
    private CReference() {}

    /** The path of the compiled reference of listing {@code id}, e.g. "ch11/pipe1" or "ch01/hello_server". */
    public static String build(String id) {
        String ch = id.substring(0, id.indexOf('/')), name = id.substring(id.indexOf('/') + 1);
        boolean isC = ch.equals("bench") || Files.exists(Run.ROOT.resolve("chapters/" + ch + "/c/" + name + ".c"));
        Tool.assumeInstalled(isC ? "gcc" : "g++", "compile the C reference " + id);
        Result r = Run.command(Run.ROOT.resolve("bin/cref").toString(), id).run();
        assertThat(r.exitStatus()).as("bin/cref %s:\n%s", id, r.stderr()).isZero();
        return r.stdout().strip();
    }
}
