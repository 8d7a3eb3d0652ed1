package syskit.ch10;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Wait;

/**
 * ch10/three_children, reference answer of the exercise (exercises/ch10/three_children): three
 * children sleep 2, 0 and 1 seconds and exit with 10, 20 and 30; the parent reports each
 * status in the order the children END (20, 30, 10), not the order it forked them.
 * Usage: three_children
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

        for (int i = 0; i < 3; i++) {
            int id = Wait.wait(status);          // whichever child ends first
            if (WIFEXITED(status[0]))
                System.out.println("Child " + id + " send: " + WEXITSTATUS(status[0]));
        }
        return 0;
    }
}
