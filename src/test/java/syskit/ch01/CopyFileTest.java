package syskit.ch01;


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

import syskit.harness.Checks;
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
            if (!Files.exists(f)) Checks.fail("CopyFileTest.noFile", name);
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            if (!p.contains(PosixFilePermission.OWNER_READ) || !p.contains(PosixFilePermission.OWNER_WRITE)) {
                Checks.fail(p.contains(PosixFilePermission.OWNER_READ) ? "CopyFileTest.noMode.write" : "CopyFileTest.noMode.read",
                        name, PosixFilePermissions.toString(p));
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("a copy over an older, longer file is exactly the new one: open(..., O_TRUNC) and fopen(..., \"wb\") empty it first")
    void aCopyOverALongerFileReplacesIt() throws IOException {
        byte[] old = "an older file, longer than the one copied over it\n".repeat(10).getBytes();
        Path d = copy("over", TEXT.getBytes(), old);
        String[][] copies = {{"dst1", Checks.text("CopyFileTest.withSyscalls"), "open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644)"},
                             {"dst2", Checks.text("CopyFileTest.withStdio"), "fopen(path, \"wb\")"}};
        for (String[] c : copies) {
            byte[] got = Files.readAllBytes(d.resolve(c[0]));
            if (got.length == old.length && Arrays.equals(got, 0, TEXT.length(), TEXT.getBytes(), 0, TEXT.length())) {
                Checks.fail("CopyFileTest.noTrunc", c[0], old.length, c[1], TEXT.length(), got.length, c[2]);
            }
            if (got.length == old.length + TEXT.length() && Arrays.equals(got, 0, old.length, old, 0, old.length)) {
                Checks.fail("CopyFileTest.appended", c[0], old.length, c[1], c[2]);   // O_APPEND, or fopen "ab"
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
        if (r.hung()) Checks.fail("CopyFileTest.hung");
        if (r.exitStatus() != 0) Checks.fail("CopyFileTest.status", r.exitStatus(), r.stderr());
        return d;
    }

    private static void compare(Path d, byte[] original) throws IOException {
        String[][] copies = {{"dst1", Checks.text("CopyFileTest.withSyscalls"), "read"}, {"dst2", Checks.text("CopyFileTest.withStdio"), "fread"}};
        for (String[] c : copies) {
            Path f = d.resolve(c[0]);
            if (!Files.exists(f)) Checks.fail("CopyFileTest.noCopy", c[0], c[1]);
            if (!Files.isReadable(f)) Checks.fail("CopyFileTest.unreadable", c[0], Files.getPosixFilePermissions(f));
            byte[] got = Files.readAllBytes(f);
            if (got.length > original.length) {
                Checks.fail("CopyFileTest.tooLong", c[1], got.length, original.length);
            }
            if (got.length < original.length) {
                Checks.fail("CopyFileTest.tooShort", c[1], got.length, original.length, c[2]);
            }
            if (!Arrays.equals(got, original)) {
                Checks.fail("CopyFileTest.otherBytes", c[1], Arrays.mismatch(got, original));
            }
        }
    }
}
