package syskit.kit;

import static syskit.os.Errno.*;
import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;
import static syskit.os.Wait.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Signal.Sigaction;
import syskit.os.Stdlib;

/**
 * kit/eintr [restart]: what a handler does to the blocking call it interrupted. A SIGALRM
 * handler is installed without SA_RESTART (or with it, given "restart"); an alarm(1) then comes
 * while the program waits in read() on standard input, again in waitpid() for a child that
 * sleeps 2 s and exits with 5, and last in sleep(10). Without SA_RESTART read and waitpid
 * return -1 with EINTR; with it they go on waiting until they have their data or their child.
 * sleep ends early either way and returns the seconds it had left.
 */
public final class Eintr {
    static void onAlarm(int sig) {
        System.out.println("SIGALRM handled");
    }

    public static int main(String[] argv) {
        boolean restart = argv.length > 1 && argv[1].equals("restart");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            int[] status = new int[1];
            Sigaction act = new Sigaction();
            act.sa_handler = Eintr::onAlarm;
            act.sa_flags = restart ? SA_RESTART : 0;
            sigaction(SIGALRM, act, null);

            alarm(1);
            int r = read(STDIN_FILENO, buf, buf.byteSize());
            System.out.println("read: " + (r == -1 ? "-1 " + strerror(errno()) : r + " bytes"));

            int pid = fork();
            if (pid == 0) {
                sleep(2);
                Stdlib.exit(5);
            }
            alarm(1);
            r = waitpid(pid, status, 0);
            System.out.println("waitpid: " + (r == -1 ? "-1 " + strerror(errno()) : "child exited with " + WEXITSTATUS(status[0])));
            if (r == -1) waitpid(pid, status, 0);   // reap it all the same

            alarm(1);
            System.out.println("sleep(10) returned " + sleep(10));
            return 0;
        }
    }
}
