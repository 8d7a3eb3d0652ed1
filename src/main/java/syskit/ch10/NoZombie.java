package syskit.ch10;

import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Signal.Sigaction;

/**
 * ch10/no_zombie, reference answer of the exercise (exercises/ch10/no_zombie): five children
 * sleep 2 s and exit with 10 to 14. The SIGCHLD handler reaps EVERY child that has ended each
 * time it runs, so no zombie is left even when several SIGCHLDs merged into one.
 * Usage: no_zombie
 */
public final class NoZombie {
    static final int CHILDREN = 5;
    static int reaped;

    static void read_childproc(int sig) {
        int[] status = new int[1];
        int id;
        while ((id = waitpid(-1, status, WNOHANG)) > 0) {   // until no ended child is left
            reaped++;
            if (WIFEXITED(status[0])) {
                System.out.println("Removed proc id: " + id);
                System.out.println("Child send: " + WEXITSTATUS(status[0]));
            }
        }
    }

    public static int main(String[] argv) {
        Sigaction act = new Sigaction();
        act.sa_handler = NoZombie::read_childproc;
        sigemptyset(act.sa_mask);
        act.sa_flags = 0;
        sigaction(SIGCHLD, act, null);

        for (int i = 0; i < CHILDREN; i++) {
            int pid = fork();
            if (pid == 0) {
                sleep(2);
                return 10 + i;
            }
            System.out.println("Child proc id: " + pid);
        }

        for (int i = 0; i < 10 && reaped < CHILDREN; i++) {   // each handler cuts a sleep short
            System.out.println("wait...");
            sleep(1);
        }
        System.out.println("reaped " + reaped + " of " + CHILDREN);
        return 0;
    }
}
