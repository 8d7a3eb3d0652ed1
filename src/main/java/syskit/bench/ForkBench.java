package syskit.bench;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Errno;
import syskit.os.Stdlib;

/**
 * bench/fork [N]: the cost of a process, the twin of bench/c/fork.c. N times (default 1000),
 * after 10 untimed: fork a child that calls _exit(0) at once, and reap it with waitpid. Prints
 * microseconds per fork+exit+wait. It goes through the kit's fork (flush, heap room, exit path
 * linked in the parent: see ForkSafety), as every listing does.
 */
public final class ForkBench {
    static final int WARMUP = 10;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 1000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of forks");
            return 2;
        }
        if (forks(WARMUP) != 0) return 1;
        long start = System.nanoTime();
        if (forks(n) != 0) return 1;
        long elapsed = System.nanoTime() - start;
        System.out.println(Bench.line("fork", elapsed / 1e3 / n, "us per fork+exit+wait", n + " forks"));
        return 0;
    }

    /** n times: fork, the child _exits, the parent reaps it. Returns 0, or 1 after a message. */
    static int forks(int n) {
        int[] status = new int[1];
        for (int i = 0; i < n; i++) {
            int pid = fork();
            if (pid == -1) {
                Errno.perror("fork");
                return 1;
            }
            if (pid == 0)
                _exit(0);
            if (waitpid(pid, status, 0) != pid || !WIFEXITED(status[0]) || WEXITSTATUS(status[0]) != 0) {
                System.err.println("fork: child " + pid + " did not exit with 0");
                return 1;
            }
        }
        return 0;
    }
}
