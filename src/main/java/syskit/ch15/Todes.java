package syskit.ch15;

import static syskit.os.Fcntl.*;
import static syskit.os.Stdio.*;

import java.lang.foreign.MemorySegment;

/**
 * ch15/todes: fdopen turns a descriptor into a stream, fileno turns it back: the same number twice.
 * (In a JVM the number is higher than C's 3: the JVM holds descriptors of its own.)
 */
public final class Todes {
    public static int main(String[] argv) {
        MemorySegment fp;
        int fd = open("data.dat", O_WRONLY | O_CREAT | O_TRUNC, 0644); // the book gives no mode (see ch01/low_open)
        if (fd == -1) {
            System.out.print("file open error");
            return -1;
        }

        System.out.printf("First file descriptor : %d \n", fd);
        fp = fdopen(fd, "w");
        fputs("TCP/IP SOCKET PROGRAMMING \n", fp);
        System.out.printf("Second file descriptor: %d \n", fileno(fp));
        fclose(fp);
        return 0;
    }
}
