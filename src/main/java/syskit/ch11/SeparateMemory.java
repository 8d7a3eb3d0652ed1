package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.waitpid;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/separate_memory: the kit's proof for the chapter's quiz answers 1 and 2. After fork()
 * the child changes a variable: the parent's copy stays as it was. Only what the child writes
 * into a pipe, a buffer the kernel keeps, reaches the parent. Usage: separate_memory
 */
public final class SeparateMemory {
    static final int BUF_SIZE = 30;
    static int num = 10;   // a global, as in C: fork copies it with the rest of memory

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds);
            pid = fork();
            if (pid == 0) {
                num += 10;
                System.out.println("child:  num = " + num);
                MemorySegment msg = arena.allocateFrom("num is " + num);
                write(fds[1], msg, sizeof(msg));
            } else {
                waitpid(pid, null, 0);           // the child has changed num and ended
                System.out.println("parent: num = " + num);
                read(fds[0], buf, BUF_SIZE);
                System.out.println("parent: the pipe says \"" + str(buf) + "\"");
            }
            return 0;
        }
    }
}
