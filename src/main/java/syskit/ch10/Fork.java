package syskit.ch10;

import static syskit.os.Unistd.*;

/**
 * ch10/fork: fork() copies the whole process, variables included. Parent and child change
 * their own copies of a global (gval) and a local (lval) in different ways, and each prints
 * what it sees. Usage: fork
 */
public final class Fork {
    static int gval = 10;

    public static int main(String[] argv) {
        int pid;
        int lval = 20;
        gval++;
        lval += 5;

        pid = fork();
        if (pid == 0) {          // child process
            gval += 2;
            lval += 2;
        } else {                 // parent process
            gval -= 2;
            lval -= 2;
        }

        if (pid == 0)
            System.out.println("Child Proc: [" + gval + ", " + lval + "]");
        else
            System.out.println("Parent Proc: [" + gval + ", " + lval + "]");
        return 0;
    }
}
