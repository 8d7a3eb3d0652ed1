package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Stdio.getline;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.waitpid;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch11/three_conversation, the reference answer to the chapter's exercise
 * (exercises/ch11/three_conversation/README.md): parent and child take turns over two pipes,
 * the child first, three lines each, every line typed at (or piped into) the shared stdin.
 * Usage: three_conversation
 */
public final class ThreeConversation {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds1 = new int[2], fds2 = new int[2];   // fds1: child -> parent, fds2: parent -> child
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds1);
            pipe(fds2);
            pid = fork();
            if (pid == 0) {
                close(fds1[0]);                    // the child only writes fds1
                close(fds2[1]);                    // and only reads fds2
                for (int i = 0; i < 3; i++) {
                    System.out.print("Child : ");
                    if (getline(buf, BUF_SIZE) == -1) break;        // stdin ended: stop talking
                    write(fds1[1], buf, strlen(buf) + 1);           // with its NUL: an empty line is 1 byte
                    memset0(buf);
                    if (read(fds2[0], buf, BUF_SIZE) <= 0) break;   // the parent stopped talking
                    System.out.println("from Parent : " + str(buf));
                }
            } else {
                close(fds1[1]);                    // the parent only reads fds1
                close(fds2[0]);                    // and only writes fds2
                for (int i = 0; i < 3; i++) {
                    memset0(buf);
                    if (read(fds1[0], buf, BUF_SIZE) <= 0) break;   // the child stopped talking
                    System.out.println("from Child : " + str(buf));
                    System.out.print("Parent : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    write(fds2[1], buf, strlen(buf) + 1);
                }
                close(fds2[1]);                    // a child still reading sees EOF
                waitpid(pid, null, 0);             // its last line prints before we return
            }
            return 0;
        }
    }
}
