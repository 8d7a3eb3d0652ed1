package syskit.ch01;

import static syskit.os.Fcntl.*;
import static syskit.os.Socket.*;
import static syskit.os.Unistd.*;

/**
 * ch01/fd_seri: a TCP socket, a file (test.dat, created in the working directory) and a UDP
 * socket are all file descriptors, numbered one after another.
 * Usage: fd_seri
 *
 * In C the three numbers are 3, 4 and 5 (0-2 are stdin, stdout, stderr). A JVM has already
 * opened descriptors of its own (its jar files, /dev/random, ...), so here they start higher;
 * they are still consecutive.
 */
public final class FdSeri {
    public static int main(String[] argv) {
        int fd1, fd2, fd3;
        fd1 = socket(PF_INET, SOCK_STREAM, 0);
        fd2 = open("test.dat", O_CREAT | O_WRONLY | O_TRUNC);   // no mode, as in the book: Fcntl passes 0
        fd3 = socket(PF_INET, SOCK_DGRAM, 0);

        System.out.println("file descriptor 1: " + fd1);
        System.out.println("file descriptor 2: " + fd2);
        System.out.println("file descriptor 3: " + fd3);

        close(fd1);
        close(fd2);
        close(fd3);
        return 0;
    }
}
