package syskit.ch10;

import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;

import syskit.os.Signal.Sigaction;

/**
 * ch10/sigaction: the alarm handler of ch10/signal, installed with sigaction() and a
 * struct sigaction (sa_handler, sa_mask, sa_flags). SIGINT has no handler here: Ctrl-C ends the
 * program, as it would the C one. Usage: sigaction
 */
public final class SigactionDemo {
    static void timeout(int sig) {
        if (sig == SIGALRM)
            System.out.println("Time out!");
        alarm(2);
    }

    public static int main(String[] argv) {
        Sigaction act = new Sigaction();
        act.sa_handler = SigactionDemo::timeout;
        sigemptyset(act.sa_mask);
        act.sa_flags = 0;
        sigaction(SIGALRM, act, null);   // JVM: the handler runs on this thread (chapters/ch10/README.md)

        alarm(2);
        for (int i = 0; i < 3; i++) {
            System.out.println("wait...");
            sleep(100);
        }
        return 0;
    }
}
