package syskit.ch10;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

/**
 * ch10/waitpid: waitpid(-1, &status, WNOHANG) never blocks. The parent asks every 3 seconds
 * whether a child has ended, doing other work in between, until the child (asleep 15 s)
 * ends with 24. Usage: waitpid
 */
public final class Waitpid {
    public static int main(String[] argv) {
        int[] status = new int[1];
        int pid = fork();

        if (pid == 0) {
            sleep(15);
            return 24;
        } else {
            while (waitpid(-1, status, WNOHANG) == 0) {  // 0: no child has ended yet
                sleep(3);
                System.out.println("sleep 3sec.");
            }

            if (WIFEXITED(status[0]))
                System.out.println("Child send " + WEXITSTATUS(status[0]));
        }
        return 0;
    }
}
