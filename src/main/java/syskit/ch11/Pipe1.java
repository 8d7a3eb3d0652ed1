package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/pipe1: one pipe shared through fork(). The child writes into it, the parent reads
 * from it. Usage: pipe1
 * C++ reference: chapters/ch11/cpp/pipe1.cpp; guide: chapters/ch11/README.md, 11-1.
 */
public final class Pipe1 {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            MemorySegment str = arena.allocateFrom("Who are you?");   // 13 bytes, with the NUL
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds);
            pid = fork();
            if (pid == 0)
                write(fds[1], str, sizeof(str));
            else {
                read(fds[0], buf, BUF_SIZE);
                System.out.println(str(buf));
            }
            return 0;
        }
    }
}
