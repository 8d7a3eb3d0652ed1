package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/pipe3: two-way talk done right, with one pipe per direction. The child writes its
 * question into fds1 and reads the answer from fds2; the parent does the opposite, so neither
 * can read back its own words. Usage: pipe3
 * C++ reference: chapters/ch11/cpp/pipe3.cpp; guide: chapters/ch11/README.md, 11-1.
 */
public final class Pipe3 {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds1 = new int[2], fds2 = new int[2];
            MemorySegment str1 = arena.allocateFrom("Who are you?");                 // 13 bytes
            MemorySegment str2 = arena.allocateFrom("Thank you for your message");   // 27 bytes
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds1); pipe(fds2);
            pid = fork();
            if (pid == 0) {
                write(fds1[1], str1, sizeof(str1));
                read(fds2[0], buf, BUF_SIZE);
                System.out.println("Child proc output : " + str(buf));
            } else {
                read(fds1[0], buf, BUF_SIZE);
                System.out.println("Parent proc output : " + str(buf));
                write(fds2[1], str2, sizeof(str2));
            }
            return 0;
        }
    }
}
