package syskit.ch01;

import static syskit.os.Fcntl.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import syskit.os.Errno;

/**
 * ch01/copy_file, YOUR answer. The exercise: exercises/ch01/copy_file/README.md.
 * Check it: make check EX=ch01/copy_file. As it stands it copies nothing: fill in the TODOs.
 *
 * Copies a file twice,
 * first with the system calls open/read/write/close into dst1, then with the C library's
 * streams fopen/fread/fwrite/fclose into dst2.
 * Usage: copy_file &lt;src&gt; &lt;dst1&gt; &lt;dst2&gt;
 */
public final class CopyFile {
    static final int BUF_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUF_SIZE);

            if (argv.length != 4) {
                System.out.println("Usage : " + argv[0] + " <src> <dst1> <dst2>");
                exit(1);
            }

            // TODO 1: copy argv[1] to argv[2] with the system calls: open (the source O_RDONLY; the copy
            // O_CREAT | O_WRONLY | O_TRUNC, and a mode), then read and write in a loop until read
            // returns 0, then close both.

            // TODO 2: copy argv[1] to argv[3] with the C library's streams: fopen ("rb", "wb"), then
            // fread and fwrite in a loop until fread returns 0, then fclose both.

            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
