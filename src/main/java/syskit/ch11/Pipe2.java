package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/pipe2: two-way talk over ONE pipe, and why it fails. Both processes read the same pipe,
 * so whichever reads first gets the child's question: if the child does, it reads back its own
 * words and the parent waits in read() forever. As written (the sleep(2) commented out) this
 * can hang, like the C++ program; stop it with Ctrl-C.
 * Usage: pipe2 [--sleep]      --sleep restores the sleep(2) that lets the parent read first.
 * C++ reference: chapters/ch11/cpp/pipe2.cpp; guide: chapters/ch11/README.md, 11-1.
 */
public final class Pipe2 {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        boolean withSleep = argv.length == 2 && argv[1].equals("--sleep");
        if (argv.length > 2 || (argv.length == 2 && !withSleep)) {
            System.err.println("usage: " + argv[0] + " [--sleep]");
            return 2;
        }
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            MemorySegment str1 = arena.allocateFrom("Who are you?");                 // 13 bytes
            MemorySegment str2 = arena.allocateFrom("Thank you for your message");   // 27 bytes
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds);
            pid = fork();
            if (pid == 0) {
                write(fds[1], str1, sizeof(str1));
                if (withSleep) sleep(2);
                read(fds[0], buf, BUF_SIZE);
                System.out.println("Child proc output : " + str(buf));
            } else {
                read(fds[0], buf, BUF_SIZE);
                System.out.println("Parent proc output : " + str(buf));
                write(fds[1], str2, sizeof(str2));
                sleep(3);
            }
            return 0;
        }
    }
}
