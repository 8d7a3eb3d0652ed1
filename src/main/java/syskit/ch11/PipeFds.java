package syskit.ch11;

import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import syskit.tools.FdView;

/**
 * ch11/pipe_fds: what fork() copies. After pipe() and fork(), parent and child each print
 * their descriptor table from /proc/self/fd: both hold fds[0] and fds[1], and all four name
 * the same pipe:[inode], one pipe in the kernel. The child prints first; the parent waits for
 * it to end, so the two tables do not interleave. Usage: pipe_fds
 */
public final class PipeFds {
    public static int main(String[] argv) {
        int[] fds = new int[2];
        int pid;

        if (pipe(fds) == -1) {
            syskit.os.Errno.perror("pipe");
            return 1;
        }
        System.out.println("pipe(fds): fds[0] = " + fds[0] + " (read end), fds[1] = " + fds[1] + " (write end)");
        pid = fork();
        if (pid == 0) {
            FdView.print("child");
        } else {
            waitpid(pid, null, 0);
            FdView.print("parent");
        }
        return 0;
    }
}
