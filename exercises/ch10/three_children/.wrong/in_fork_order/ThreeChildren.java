// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// It waits for each child by its pid, in the order it forked them: every status is right, but
// they come in fork order (10, 20, 30), not in the order the children ended.
// fails: theCodesComeInTheOrderTheChildrenEnd "in the order you forked them"
package syskit.ch10;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

public final class ThreeChildren {
    static final int[] SLEEPS = {2, 0, 1};
    static final int[] CODES = {10, 20, 30};

    public static int main(String[] argv) {
        int[] status = new int[1];
        int[] pids = new int[3];
        for (int i = 0; i < 3; i++) {
            int pid = fork();
            if (pid == 0) {
                sleep(SLEEPS[i]);
                return CODES[i];
            }
            pids[i] = pid;
            System.out.println("Child PID: " + pid);
        }

        for (int i = 0; i < 3; i++) {
            int id = waitpid(pids[i], status, 0);
            if (WIFEXITED(status[0]))
                System.out.println("Child " + id + " send: " + WEXITSTATUS(status[0]));
        }
        return 0;
    }
}
