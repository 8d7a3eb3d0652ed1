package syskit.ch10;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Signal.Sigaction;
import syskit.os.Stdlib;

/**
 * ch10/remove_zombie: a SIGCHLD handler calls waitpid() as each child ends, so no zombie is
 * left while the parent goes on waiting. As in the book, the handler reaps ONE child per
 * signal: two children ending at the same moment send SIGCHLDs that merge into one, and the
 * second stays a zombie (exercise ch10/no_zombie fixes it).
 * Usage: remove_zombie [sleep1 sleep2]   (the children's sleeps, the book's 10 and 10 by default)
 */
public final class RemoveZombie {
    static void read_childproc(int sig) {
        int[] status = new int[1];
        int id = waitpid(-1, status, WNOHANG);
        if (WIFEXITED(status[0])) {
            System.out.println("Removed proc id: " + id);
            System.out.println("Child send: " + WEXITSTATUS(status[0]));
        }
    }

    public static int main(String[] argv) {
        int sleep1 = getSeconds(argv, 1, 10, "sleep1"), sleep2 = getSeconds(argv, 2, 10, "sleep2");
        int pid;
        Sigaction act = new Sigaction();
        act.sa_handler = RemoveZombie::read_childproc;
        sigemptyset(act.sa_mask);
        act.sa_flags = 0;
        sigaction(SIGCHLD, act, null);   // JVM: the handler runs on this thread (chapters/ch10/README.md)

        pid = fork();
        if (pid == 0) {
            System.out.println("Hi! I'm child process");
            sleep(sleep1);
            return 12;
        } else {
            System.out.println("Child proc id: " + pid);
            pid = fork();
            if (pid == 0) {
                System.out.println("Hi! I'm child process");
                sleep(sleep2);
                Stdlib.exit(24);
            } else {
                System.out.println("Child proc id: " + pid);
                for (int i = 0; i < 5; i++) {
                    System.out.println("wait...");
                    sleep(5);
                }
            }
        }
        return 0;
    }
}
