package syskit.ch01;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.LearnerRun;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The checks of the exercise ch01/copy_file (exercises/ch01/copy_file/README.md): the answer
 * runs as a real process in a directory of its own, and the checks compare the files it made.
 */
@Tag("exercise")
@Tag(CopyFileTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CopyFileTest {
    static final String EXERCISE = "ch01/copy_file";
    static final String TEXT = "Let's go!\nA second line, longer than the first.\n";

    @TempDir
    Path dir;

    @Test
    @Order(1)
    @DisplayName("a small text file is copied byte for byte, with system calls (dst1) and with stdio (dst2)")
    void aSmallTextFileIsCopiedBothWays() throws IOException {
        compare(smallRun(), TEXT.getBytes());
    }

    @Test
    @Order(2)
    @DisplayName("a 100 KB binary file (NUL bytes included, far larger than the buffer) is copied byte for byte both ways")
    void aLargeBinaryFileIsCopiedBothWays() throws IOException {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        Arrays.fill(data, 1000, 1010, (byte) 0);
        compare(copy("large", data), data);
    }

    @Test
    @Order(3)
    @DisplayName("the copies can be read and written by their owner: open(..., O_CREAT ..., 0644) has a mode")
    void theCopiesCanBeReadAndWrittenByTheirOwner() throws IOException {
        Path d = smallRun();
        for (String name : new String[] {"dst1", "dst2"}) {
            Path f = d.resolve(name);
            if (!Files.exists(f)) fail("Your program made no %s.", name);
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            if (!p.contains(PosixFilePermission.OWNER_READ) || !p.contains(PosixFilePermission.OWNER_WRITE)) {
                fail("%s was created with permissions %s: its owner may not %s it. open() with O_CREAT takes a third "
                        + "argument, the mode of the new file; with no mode the kit passes 0 (C passes garbage). "
                        + "Use open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644).", name, PosixFilePermissions.toString(p),
                        p.contains(PosixFilePermission.OWNER_READ) ? "write" : "read");
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("a copy over an older, longer file is exactly the new one: open(..., O_TRUNC) and fopen(..., \"wb\") empty it first")
    void aCopyOverALongerFileReplacesIt() throws IOException {
        byte[] old = "an older file, longer than the one copied over it\n".repeat(10).getBytes();
        Path d = copy("over", TEXT.getBytes(), old);
        String[][] copies = {{"dst1", "system calls", "open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644)"},
                             {"dst2", "stdio", "fopen(path, \"wb\")"}};
        for (String[] c : copies) {
            byte[] got = Files.readAllBytes(d.resolve(c[0]));
            if (got.length == old.length && Arrays.equals(got, 0, TEXT.length(), TEXT.getBytes(), 0, TEXT.length())) {
                fail("%s already held %d bytes; after your copy (with %s) of a %d-byte file it still has %d: the older "
                        + "file's end is left behind. Open it with %s, so that an existing file starts empty.",
                        c[0], old.length, c[1], TEXT.length(), got.length, c[2]);
            }
        }
        compare(d, TEXT.getBytes());
    }

    /** Not cached: make check runs these checks on several answers in one JVM. */
    private Path smallRun() throws IOException {
        return copy("small", TEXT.getBytes());
    }

    /** Runs the answer on a file with these bytes in a directory of its own; returns the directory. */
    private Path copy(String name, byte[] data) throws IOException {
        return copy(name, data, null);
    }

    /** The same, with dst1 and dst2 already there holding {@code old} (when not null). */
    private Path copy(String name, byte[] data, byte[] old) throws IOException {
        Path d = Files.createDirectory(dir.resolve(name));
        Files.write(d.resolve("src"), data);
        if (old != null) {
            Files.write(d.resolve("dst1"), old);
            Files.write(d.resolve("dst2"), old);
        }
        Result r = LearnerRun.overran(Run.listing(EXERCISE, "src", "dst1", "dst2").dir(d).run());
        if (r.hung()) fail("Your program did not end within 20 s: does a loop wait for read() to return 0 and stop then?");
        if (r.exitStatus() != 0) fail("Your program ended with exit status %d instead of 0.%n%s", r.exitStatus(), r.stderr());
        return d;
    }

    private static void compare(Path d, byte[] original) throws IOException {
        String[][] copies = {{"dst1", "system calls (open/read/write)", "read"}, {"dst2", "stdio (fopen/fread/fwrite)", "fread"}};
        for (String[] c : copies) {
            Path f = d.resolve(c[0]);
            if (!Files.exists(f)) fail("There is no %s: the copy with %s is missing.", c[0], c[1]);
            if (!Files.isReadable(f)) fail("%s cannot be read (permissions %s).", c[0], Files.getPosixFilePermissions(f));
            byte[] got = Files.readAllBytes(f);
            if (got.length > original.length) {
                fail("The copy made with %s has %d bytes, the original %d: write only the bytes read returned (its return "
                        + "value), not the whole buffer.", c[1], got.length, original.length);
            }
            if (got.length < original.length) {
                fail("The copy made with %s has only the first %d bytes of %d: %s returns at most one buffer; call it "
                        + "in a loop, writing each piece, until it returns 0.", c[1], got.length, original.length, c[2]);
            }
            if (!Arrays.equals(got, original)) {
                fail("The copy made with %s has the right size but different bytes, first at offset %d: copy the bytes "
                        + "as they are (no strings: a file may contain NUL bytes).", c[1], Arrays.mismatch(got, original));
            }
        }
    }
}
