package syskit.ch15;

import static syskit.os.Fcntl.*;
import static syskit.os.Stdio.*;

import java.lang.foreign.MemorySegment;

/**
 * ch15/desto: a file descriptor turned into a FILE stream with fdopen; the line written through
 * the stream lands in data.dat.
 */
public final class Desto {
    public static int main(String[] argv) {
        MemorySegment fp;
        int fd = open("data.dat", O_WRONLY | O_CREAT | O_TRUNC, 0644); // the book gives no mode (see ch01/low_open)
        if (fd == -1) {
            System.out.print("file open error");
            return -1;
        }
        fp = fdopen(fd, "w");
        fputs("Network C programming \n", fp);
        fclose(fp);
        return 0;
    }
}
