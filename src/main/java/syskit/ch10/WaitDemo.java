package syskit.ch10;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Stdlib;
import syskit.os.Wait;

/**
 * ch10/wait: two children end, one by returning 3 from main, one by exit(7); the parent
 * collects both statuses with wait() and reads them with WIFEXITED/WEXITSTATUS.
 * Usage: wait [seconds]   (the parent's sleep at the end, the book's 30 by default)
 */
public final class WaitDemo {
    public static int main(String[] argv) {
        int seconds = getSeconds(argv, 1, 30, "seconds");
        int[] status = new int[1];
        int pid = fork();

        if (pid == 0) {
            return 3;            // the first child ends by returning from main
        } else {
            System.out.println("Child PID: " + pid);
            pid = fork();
            if (pid == 0) {
                Stdlib.exit(7);  // the second by exit()
            } else {
                System.out.println("Child PID: " + pid);
                Wait.wait(status);   // Java: a bare wait() would be Object.wait()
                if (WIFEXITED(status[0]))
                    System.out.println("Child send one: " + WEXITSTATUS(status[0]));

                Wait.wait(status);
                if (WIFEXITED(status[0]))
                    System.out.println("Child send two: " + WEXITSTATUS(status[0]));
                sleep(seconds);  // both reaped: no zombie left to see meanwhile
            }
        }
        return 0;
    }
}
