// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// Reads stdin through a BufferedReader. From a terminal it works (one line arrives at a time);
// from a file the child's first readLine takes the whole file into the child's buffer, and the
// parent, reading the same file, finds nothing left.
// fails: sixLinesFromAFileMakeThreeRounds "Lines went missing"
package syskit.ch11;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.waitpid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

public final class ThreeConversation {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds1 = new int[2], fds2 = new int[2];
            MemorySegment buf = arena.allocate(BUF_SIZE);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            int pid;

            pipe(fds1);
            pipe(fds2);
            pid = fork();
            if (pid == 0) {
                close(fds1[0]);
                close(fds2[1]);
                for (int i = 0; i < 3; i++) {
                    System.out.print("Child : ");
                    System.out.flush();
                    String line = in.readLine();
                    if (line == null) break;
                    MemorySegment msg = arena.allocateFrom(line);
                    write(fds1[1], msg, sizeof(msg));
                    memset0(buf);
                    if (read(fds2[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Parent : " + str(buf));
                }
            } else {
                close(fds1[1]);
                close(fds2[0]);
                for (int i = 0; i < 3; i++) {
                    memset0(buf);
                    if (read(fds1[0], buf, BUF_SIZE) <= 0) break;
                    System.out.println("from Child : " + str(buf));
                    System.out.print("Parent : ");
                    System.out.flush();
                    String line = in.readLine();
                    if (line == null) break;
                    MemorySegment msg = arena.allocateFrom(line);
                    write(fds2[1], msg, sizeof(msg));
                }
                close(fds2[1]);
                waitpid(pid, null, 0);
            }
            return 0;
        }
    }
}
