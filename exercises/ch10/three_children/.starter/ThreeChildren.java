package syskit.ch10;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Wait;

/**
 * ch10/three_children, YOUR answer: report three children's exit codes in the order the
 * children end. The exercise: exercises/ch10/three_children/README.md.
 * Try it: make try EX=ch10/three_children    Check it: make check EX=ch10/three_children
 *
 * As it stands it forks the three children but never collects them: fill in the TODO.
 */
public final class ThreeChildren {
    static final int[] SLEEPS = {2, 0, 1};
    static final int[] CODES = {10, 20, 30};

    public static int main(String[] argv) {
        int[] status = new int[1];
        for (int i = 0; i < 3; i++) {
            int pid = fork();
            if (pid == 0) {
                sleep(SLEEPS[i]);
                return CODES[i];
            }
            System.out.println("Child PID: " + pid);
        }

        // TODO: three times, wait for whichever child ends next, and print
        //       "Child <its pid> send: <its exit code>"  (WIFEXITED, WEXITSTATUS).
        //       In Java write Wait.wait(status): a bare wait() is Object.wait().
        return 0;
    }
}
