package syskit.kit;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.os.Stdlib;

/**
 * kit/forkcheck [N]: proves the fork-safe runtime. N times (default 300): fork a child that
 * prints a line, allocates 4 MB, calls a binding (getpid) and exits with 7; the parent reaps it
 * with waitpid and checks WEXITSTATUS is 7. Prints one summary line; exit 0 only if all N did.
 */
public final class ForkCheck {
    static final int CHILD_STATUS = 7;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 300;
        if (n <= 0) {
            System.err.println("usage: kit/forkcheck [N], N a positive number of forks");
            return 2;
        }
        int ok = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int pid = fork();
            if (pid == -1) {
                syskit.os.Errno.perror("fork");
                return 1;
            }
            if (pid == 0) {
                byte[] block = new byte[4 << 20];
                block[block.length - 1] = 1;
                System.out.println("child " + getpid() + " allocated " + block.length + " bytes");
                Stdlib.exit(CHILD_STATUS);
            }
            int[] status = new int[1];
            if (waitpid(pid, status, 0) == pid && WIFEXITED(status[0]) && WEXITSTATUS(status[0]) == CHILD_STATUS) ok++;
        }
        long micros = (System.nanoTime() - start) / 1000 / n;
        System.out.println("forkcheck: " + ok + " of " + n + " children exited with " + CHILD_STATUS
                + " (" + micros + " us per fork+exit+wait)");
        return ok == n ? 0 : 1;
    }
}
