// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// After its three rounds the child waits for the parent to hang up (read until EOF), but the
// parent keeps its copy of fds2[1] open while it waits for the child: each waits for the other
// forever. The check must stop it on time and say so.
// fails: sixLinesFromAFileMakeThreeRounds "did not end within"
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
            int[] fds1 = new int[2], fds2 = new int[2];
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int pid;

            pipe(fds1);
            pipe(fds2);
            pid = fork();
            if (pid == 0) {
                close(fds1[0]);
                close(fds2[1]);
                for (int i = 0; i < 3; i++) {
                    System.out.print("Child : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    write(fds1[1], buf, strlen(buf) + 1);
                    memset0(buf);
                    if (read(fds2[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Parent : " + str(buf));
                }
                while (read(fds2[0], buf, BUF_SIZE) > 0) { }   // until the parent hangs up: never
            } else {
                close(fds1[1]);
                close(fds2[0]);
                for (int i = 0; i < 3; i++) {
                    memset0(buf);
                    if (read(fds1[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Child : " + str(buf));
                    System.out.print("Parent : ");
                    if (getline(buf, BUF_SIZE) == -1) break;
                    write(fds2[1], buf, strlen(buf) + 1);
                }
                waitpid(pid, null, 0);
            }
            return 0;
        }
    }
}
