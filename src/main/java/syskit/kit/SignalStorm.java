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
 * 100 forks it reads the signal mask of every other thread of the JVM (/proc/self/task/TID/status,
 * SigBlk): a thread that leaves a catchable signal unblocked could take one of the stream (and
 * die of SIGALRM's default, or lose a SIGCHLD). Prints one summary line; exit 0 only if every
 * child was reaped with 7, both handlers ran, and no other thread ever had one unblocked.
 */
public final class SignalStorm {
    static final int CHILD_STATUS = 7;

    static int sender;
    static int reaped, badStatus, alarms, exposed;

    static void onChild(int sig) {
        int[] status = new int[1];
        int pid;
        while ((pid = waitpid(-1, status, WNOHANG)) > 0) {
            if (pid == sender) continue;
            if (WIFEXITED(status[0]) && WEXITSTATUS(status[0]) == CHILD_STATUS) reaped++;
            else badStatus++;
        }
    }

    static void onAlarm(int sig) {
        alarms++;
    }

    /** The threads of this JVM, other than the calling one, that leave a catchable signal unblocked. */
    static int threadsTakingSignals() {
        long catchable = 0;
        for (int sig : CATCHABLE) catchable |= 1L << (sig - 1);
        int count = 0;
        try {
            String self = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self")).getFileName().toString();
            try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                for (var task : tasks.toList()) {
                    if (task.getFileName().toString().equals(self)) continue;
                    try {
                        for (String line : java.nio.file.Files.readAllLines(task.resolve("status"))) {
                            if (line.startsWith("SigBlk:")
                                    && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & catchable) != catchable) count++;
                        }
                    } catch (java.io.IOException e) {
                        // the thread ended while we looked
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return count;
    }

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 1000;
        if (n <= 0) {
            System.err.println("usage: kit/signalstorm [N], N a positive number of forks");
            return 2;
        }
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
            if (forked % 100 == 0) exposed = Math.max(exposed, threadsTakingSignals());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        kill(sender, SIGTERM);
        System.out.println("signalstorm: " + reaped + " of " + n + " children reaped with " + CHILD_STATUS
                + ", " + alarms + " SIGALRM handled, " + exposed + " other threads with a catchable signal unblocked ("
                + millis + " ms)");
        return reaped == n && badStatus == 0 && alarms > 0 && exposed == 0 ? 0 : 1;
    }
}
