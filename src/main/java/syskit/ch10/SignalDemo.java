package syskit.ch10;

import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;

/**
 * ch10/signal: signal() installs a handler for SIGALRM, which prints and re-arms the alarm
 * every 2 seconds, and one for SIGINT (Ctrl-C). Each handler that runs cuts the sleep(100)
 * it interrupted short, so the three rounds take about 6 seconds, not 300. Usage: signal
 */
public final class SignalDemo {
    static void timeout(int sig) {
        if (sig == SIGALRM)
            System.out.println("Time out!");
        alarm(2);
    }

    static void keycontrol(int sig) {
        if (sig == SIGINT)
            System.out.println("CTRL+C pressed");
    }

    public static int main(String[] argv) {
        // JVM: the handlers run on this thread when sleep() sees the signal, not on a signal stack
        // (chapters/ch10/README.md, "Why a JVM cannot run a handler the way C does").
        signal(SIGALRM, SignalDemo::timeout);
        signal(SIGINT, SignalDemo::keycontrol);
        alarm(2);

        for (int i = 0; i < 3; i++) {
            System.out.println("wait...");
            sleep(100);
        }
        return 0;
    }
}
