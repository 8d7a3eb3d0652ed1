package syskit.ch01;

import static syskit.os.CString.*;
import static syskit.os.Fcntl.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import syskit.os.Errno;

/**
 * ch01/low_read: opens data.txt (made by ch01/low_open) read-only, prints its descriptor and
 * what one read(2) of up to 100 bytes returned, as a C string.
 * Usage: low_read
 */
public final class LowRead {
    static final int BUF_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int fd;
            MemorySegment buf = arena.allocate(BUF_SIZE);

            fd = open("data.txt", O_RDONLY);
            if (fd == -1)
                error_handling("open() error!");
            System.out.println("file descriptor: " + fd + " ");

            if (read(fd, buf, sizeof(buf)) == -1)
                error_handling("read() error!");
            // C's buf is not zeroed; the book relies on low_open having written the NUL.
            System.out.print("file data: " + str(buf));
            close(fd);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
