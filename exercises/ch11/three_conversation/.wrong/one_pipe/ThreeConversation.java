// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// One pipe for both directions: a line goes to whichever process reads first, so the child can
// read back the line it has just sent. With luck it works; with the parent stopped it never does.
// fails: theChildNeverReadsItsOwnLineBack "read back the line"
package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Stdio.getline;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.waitpid;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

public final class ThreeConversation {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds);
            pid = fork();
            if (pid == 0) {
                for (int i = 0; i < 3; i++) {
                    System.out.print("Child : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    write(fds[1], buf, strlen(buf) + 1);
                    memset0(buf);
                    if (read(fds[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Parent : " + str(buf));
                }
            } else {
                for (int i = 0; i < 3; i++) {
                    memset0(buf);
                    if (read(fds[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Child : " + str(buf));
                    System.out.print("Parent : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    write(fds[1], buf, strlen(buf) + 1);
                }
                waitpid(pid, null, 0);
            }
            return 0;
        }
    }
}
