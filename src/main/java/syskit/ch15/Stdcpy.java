package syskit.ch15;

import static syskit.os.Stdio.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;

/**
 * ch15/stdcpy: the copy of ch15/syscpy through C's own FILE streams (fopen, fgets, fputs): the
 * same 3-byte buffer, but stdio gathers the bytes into 4 KiB reads and writes.
 * Usage: stdcpy [from to]   (news.txt and cpy.txt when none are given)
 */
public final class Stdcpy {
    static final int BUF_SIZE = 3;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fp1;
            MemorySegment fp2;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            String from = argv.length == 3 ? argv[1] : "news.txt", to = argv.length == 3 ? argv[2] : "cpy.txt";

            fp1 = fopen(from, "r");
            // Not in the book: C's fgets on a NULL stream crashes; here a missing file is one clear line.
            if (fp1.equals(MemorySegment.NULL)) {
                Errno.perror(from);
                return 1;
            }
            fp2 = fopen(to, "w");

            while (!fgets(buf, BUF_SIZE, fp1).equals(MemorySegment.NULL))
                fputs(buf, fp2);
            fclose(fp1);
            fclose(fp2);
            return 0;
        }
    }
}
