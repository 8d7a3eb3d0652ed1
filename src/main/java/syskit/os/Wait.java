package syskit.os;

import syskit.posix.posix_h;

/**
 * sys/wait.h: wait, waitpid and the status macros jextract cannot generate (they are
 * function-like macros). The status is an {@code int[1]}, as {@code int status; ... &status} in C.
 */
public final class Wait {
    public static final int WNOHANG = posix_h.WNOHANG();

    private Wait() {}

    public static boolean WIFEXITED(int status)   { return (status & 0x7f) == 0; }
    public static int     WEXITSTATUS(int status) { return (status >> 8) & 0xff; }
    public static boolean WIFSIGNALED(int status) { return ((byte) ((status & 0x7f) + 1) >> 1) > 0; }
    public static int     WTERMSIG(int status)    { return status & 0x7f; }

    /** waitpid(2). Blocking calls return -1 with EINTR when a signal handler ran while they waited. */
    public static int waitpid(int pid, int[] status, int options) {
        if ((options & WNOHANG) == 0 && SignalLoop.active()) {
            return SignalLoop.waitpid(pid, status, options);
        }
        return Syscall.waitpid(pid, status, options);
    }

    public static int wait(int[] status) {
        return waitpid(-1, status, 0);
    }

}
