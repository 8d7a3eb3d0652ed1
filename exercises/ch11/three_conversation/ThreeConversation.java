package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Stdio.getline;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.waitpid;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/three_conversation, YOUR answer: parent and child take turns over two pipes, the child
 * first, three lines each. The exercise: exercises/ch11/three_conversation/README.md.
 * Run it: make run EX=ch11/three_conversation    Check it: make check EX=ch11/three_conversation
 *
 * As it stands it runs, but the two processes talk to nobody: fill in the TODOs.
 */
public final class ThreeConversation {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds1 = new int[2], fds2 = new int[2];   // fds1: child -> parent, fds2: parent -> child
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            // TODO 1: create the two pipes, before the fork, so that both processes get their descriptors.
            pid = fork();
            if (pid == 0) {
                // TODO 2: close the two pipe ends the child never uses.
                for (int i = 0; i < 3; i++) {
                    System.out.print("Child : ");
                    if (getline(buf, BUF_SIZE) == -1) break;        // stdin ended: stop talking
                    // TODO 3: send the line to the parent, with its NUL: strlen(buf) + 1 bytes.
                    memset0(buf);
                    // TODO 4: read the parent's reply into buf; stop (break) when read returns 0 or -1.
                    System.out.println("from Parent : " + str(buf));
                }
            } else {
                // TODO 5: close the two pipe ends the parent never uses.
                for (int i = 0; i < 3; i++) {
                    memset0(buf);
                    // TODO 6: read the child's line into buf; stop (break) when read returns 0 or -1.
                    System.out.println("from Child : " + str(buf));
                    System.out.print("Parent : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    // TODO 7: send the line to the child, with its NUL.
                }
                // TODO 8: close the write end the child reads from (it then sees EOF), and wait for the child.
            }
            return 0;
        }
    }
}
