package syskit.kit;

import static syskit.os.Errno.*;
import static syskit.os.Signal.*;

import syskit.os.Signal.Sigaction;
import syskit.os.Signal.SigHandler;

/**
 * kit/dispositions: what signal() and sigaction() report back, and the sigset functions on a
 * real sigset_t, each printed as one line that a test compares (the C answers in brackets).
 */
public final class Dispositions {
    static String name(SigHandler h) {
        return h == SIG_DFL ? "SIG_DFL" : h == SIG_IGN ? "SIG_IGN" : "handler";
    }

    public static int main(String[] argv) {
        Sigaction old = new Sigaction();
        System.out.println("signal(SIGPIPE, SIG_IGN) returned " + name(signal(SIGPIPE, SIG_IGN)));   // [SIG_DFL]
        sigaction(SIGPIPE, null, old);
        System.out.println("sigaction(SIGPIPE) oldact " + name(old.sa_handler));                         // [SIG_IGN]
        System.out.println("signal(SIGPIPE, SIG_DFL) returned " + name(signal(SIGPIPE, SIG_DFL)));   // [SIG_IGN]
        System.out.println("signal(SIGUSR1, h) returned " + name(signal(SIGUSR1, sig -> {})));       // [SIG_DFL]
        System.out.println("signal(SIGUSR1, SIG_IGN) returned " + name(signal(SIGUSR1, SIG_IGN)));   // [handler]
        System.out.println("signal(SIGUSR1, SIG_DFL) returned " + name(signal(SIGUSR1, SIG_DFL)));   // [SIG_IGN]

        Sigaction act = new Sigaction();
        sigemptyset(act.sa_mask);
        sigaddset(act.sa_mask, SIGHUP);
        System.out.println("sigismember(SIGHUP) " + sigismember(act.sa_mask, SIGHUP)
                + ", sigismember(SIGINT) " + sigismember(act.sa_mask, SIGINT));                          // [1, 0]
        int r = sigaddset(act.sa_mask, 65);
        System.out.println("sigaddset(65) " + r + " " + strerror(errno())
                + ", then sigismember(SIGHUP) " + sigismember(act.sa_mask, SIGHUP)
                + ", sigismember(SIGQUIT) " + sigismember(act.sa_mask, SIGQUIT));                        // [-1 EINVAL, 1, 0]
        sigfillset(act.sa_mask);
        sigdelset(act.sa_mask, SIGINT);
        System.out.println("after sigfillset, sigdelset(SIGINT): SIGINT " + sigismember(act.sa_mask, SIGINT)
                + ", SIGTERM " + sigismember(act.sa_mask, SIGTERM));                                     // [0, 1]
        act.sa_handler = SIG_IGN;
        sigaction(SIGTERM, act, null);
        sigaction(SIGTERM, null, old);
        System.out.println("oldact sa_mask kept: SIGINT " + sigismember(old.sa_mask, SIGINT)
                + ", SIGTERM " + sigismember(old.sa_mask, SIGTERM));                                     // [0, 1]
        return 0;
    }
}
