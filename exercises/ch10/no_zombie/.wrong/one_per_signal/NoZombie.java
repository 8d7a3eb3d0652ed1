// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// The book's handler: one waitpid() per SIGCHLD. Children that end while the parent cannot
// run send SIGCHLDs that merge into one, so all but one of them stay zombies.
// fails: childrenEndingWhileTheParentIsStoppedAreAllReaped "merge"
package syskit.ch10;

import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Signal.Sigaction;

public final class NoZombie {
    static final int CHILDREN = 5;
    static int reaped;

    static void read_childproc(int sig) {
        int[] status = new int[1];
        int id = waitpid(-1, status, WNOHANG);
        if (id > 0) {
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
