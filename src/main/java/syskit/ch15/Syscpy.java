package syskit.ch15;

import static syskit.os.CString.*;
import static syskit.os.Fcntl.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;

/**
 * ch15/syscpy: copies news.txt to cpy.txt with read and write, 3 bytes per system call. Its twin
 * ch15/stdcpy does the same through C's stdio buffers; timing the two is the chapter's point.
 * Usage: syscpy [from to]   (the book's names, news.txt and cpy.txt, when none are given)
 */
public final class Syscpy {
    static final int BUF_SIZE = 3;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int fd1, fd2;
            int len;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            String from = argv.length == 3 ? argv[1] : "news.txt", to = argv.length == 3 ? argv[2] : "cpy.txt";

            fd1 = open(from, O_RDONLY);
            // Not in the book: a missing source is one clear line (the book's copy just makes an empty file),
            // and cpy.txt gets a mode (the book passes none, see ch01/low_open), so stdcpy can overwrite it.
            if (fd1 == -1) {
                Errno.perror(from);
                return 1;
            }
            fd2 = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);

            while ((len = read(fd1, buf, sizeof(buf))) > 0)
                write(fd2, buf, len);

            close(fd1);
            close(fd2);
            return 0;
        }
    }
}
