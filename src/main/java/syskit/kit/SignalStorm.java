package syskit.kit;

import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Errno;
import syskit.os.Signal.Sigaction;
import syskit.os.Stdlib;

/**
 * kit/signalstorm [N]: proves the signal layer next to fork(). A sender child sends SIGALRM to
 * its parent every millisecond while the parent forks N children (default 1000), one after the
 * other, each exiting with 7; a SIGCHLD handler reaps them, a SIGALRM handler counts. Every
 * handler records the thread it runs on. Prints one summary line; exit 0 only if every child
 * was reaped with 7, both handlers ran, and all of them ran on the listing's thread.
 */
public final class SignalStorm {
    static final int CHILD_STATUS = 7;

    static Thread listingThread;
    static int sender;
    static int reaped, badStatus, alarms, offThread;

    static void onChild(int sig) {
        if (Thread.currentThread() != listingThread) offThread++;
        int[] status = new int[1];
        int pid;
        while ((pid = waitpid(-1, status, WNOHANG)) > 0) {
            if (pid == sender) continue;
            if (WIFEXITED(status[0]) && WEXITSTATUS(status[0]) == CHILD_STATUS) reaped++;
            else badStatus++;
        }
    }

    static void onAlarm(int sig) {
        if (Thread.currentThread() != listingThread) offThread++;
        alarms++;
    }

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 1000;
        if (n <= 0) {
            System.err.println("usage: kit/signalstorm [N], N a positive number of forks");
            return 2;
        }
        listingThread = Thread.currentThread();
        Sigaction act = new Sigaction();
        act.sa_handler = SignalStorm::onChild;
        sigaction(SIGCHLD, act, null);
        act.sa_handler = SignalStorm::onAlarm;
        sigaction(SIGALRM, act, null);

        int parent = getpid();
        sender = fork();
        if (sender == 0) {
            while (getppid() == parent) {   // until the parent is gone or kills it
                kill(parent, SIGALRM);
                syskit.os.Unistd.usleep(1000);
            }
            return 0;
        }

        long start = System.nanoTime();
        for (int forked = 1; forked <= n; forked++) {
            int pid = fork();
            if (pid == -1) {
                Errno.perror("fork");
                return 1;
            }
            if (pid == 0) Stdlib.exit(CHILD_STATUS);
            while (reaped + badStatus < forked) pause();   // every handler that runs ends a pause()
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        kill(sender, SIGTERM);
        System.out.println("signalstorm: " + reaped + " of " + n + " children reaped with " + CHILD_STATUS
                + ", " + alarms + " SIGALRM handled, " + offThread + " handlers off the listing thread ("
                + millis + " ms)");
        return reaped == n && badStatus == 0 && alarms > 0 && offThread == 0 ? 0 : 1;
    }
}
