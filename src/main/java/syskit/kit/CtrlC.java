package syskit.kit;

import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * kit/ctrlc: a parent and its forked child both block in read() on standard input, with no
 * signal handler. Ctrl-C (SIGINT to the process group) must end both, as it ends a C program
 * and its children: neither may be left blocked, orphaned. Prints each process's pid first.
 */
public final class CtrlC {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            int pid = fork();
            System.out.println((pid == 0 ? "child " : "parent ") + getpid() + " reading");
            read(STDIN_FILENO, buf, buf.byteSize());
            System.out.println((pid == 0 ? "child " : "parent ") + "read returned");
            return 0;
        }
    }
}
