package syskit.ch01;

import static syskit.os.CString.*;
import static syskit.os.Fcntl.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import syskit.os.Errno;

/**
 * ch01/low_open: creates data.txt in the working directory with open(2), prints its descriptor
 * and writes "Let's go!\n" and its NUL (11 bytes) with write(2).
 * Usage: low_open   (then ch01/low_read reads it back)
 *
 * The book calls open with O_CREAT and no third argument, so C gives the new file whatever
 * value is left where the mode belongs. Fcntl.open(path, flags) passes mode 0 there: data.txt
 * is created with permissions ---------- (chapters/ch01/README.md, "The missing mode").
 */
public final class LowOpen {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int fd;
            MemorySegment buf = arena.allocateFrom("Let's go!\n");

            fd = open("data.txt", O_CREAT | O_WRONLY | O_TRUNC);
            if (fd == -1)
                error_handling("open() error!");
            // A JVM has descriptors of its own open: the number is higher than C's 3.
            System.out.println("file descriptor: " + fd + " ");

            if (write(fd, buf, sizeof(buf)) == -1)
                error_handling("write() error!");
            close(fd);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
