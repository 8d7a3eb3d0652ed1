// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// Opens the system-call copy with O_APPEND instead of O_TRUNC, as a student who reads "write
// to the end of the file" would: a new file is right, but a copy over an older file is added
// after that file's bytes.
// fails: aCopyOverALongerFileReplacesIt "it was opened to append"
package syskit.ch01;

import static syskit.os.Fcntl.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import syskit.os.Errno;

/**
 * ch01/copy_file, the reference answer of the exercise (chapter 1, quiz 7): copies a file twice,
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

            // 1. System calls: descriptors, no buffering in the process.
            int fd1 = open(argv[1], O_RDONLY);
            if (fd1 == -1)
                error_handling("open() error!");
            int fd2 = open(argv[2], O_CREAT | O_WRONLY | O_APPEND, 0644);   // O_CREAT needs a mode
            if (fd2 == -1)
                error_handling("open() error!");
            int len;
            while ((len = read(fd1, buf, BUF_SIZE)) > 0)
                write(fd2, buf, len);   // only the bytes this read returned
            close(fd1);
            close(fd2);

            // 2. stdio: FILE * streams, buffered by the C library.
            MemorySegment fp1 = fopen(argv[1], "rb");
            if (fp1.equals(MemorySegment.NULL))
                error_handling("fopen() error!");
            MemorySegment fp2 = fopen(argv[3], "wb");
            if (fp2.equals(MemorySegment.NULL))
                error_handling("fopen() error!");
            long n;
            while ((n = fread(buf, 1, BUF_SIZE, fp1)) > 0)
                fwrite(buf, 1, n, fp2);
            fclose(fp1);
            fclose(fp2);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
