package syskit.ch10;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.Unistd.*;

/**
 * ch10/zombie: the child ends at once, but its parent never calls wait(): while the parent
 * sleeps, the child stays a zombie (state Z in ps). It disappears when the parent ends.
 * Usage: zombie [seconds]   (how long the parent sleeps; the book's 30 by default)
 */
public final class Zombie {
    public static int main(String[] argv) {
        int seconds = getSeconds(argv, 1, 30, "seconds");
        int pid = fork();

        if (pid == 0) {          // child process
            System.out.println("Hi I'm a child process");
        } else {
            System.out.println("Child Process ID: " + pid);
            sleep(seconds);      // look for the child with: ps -o pid,stat,cmd --ppid <this pid>
        }

        if (pid == 0)
            System.out.println("End child process");
        else
            System.out.println("End parent process");
        return 0;
    }
}
