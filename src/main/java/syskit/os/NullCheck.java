package syskit.os;

import java.lang.foreign.MemorySegment;

/**
 * A NULL passed where C would dereference it ({@code fputs(buf, NULL)} after a failed fdopen,
 * {@code strcpy(dest, NULL)} after strtok found nothing): in C the kernel ends the process with
 * SIGSEGV. Done for real inside the JVM, the fault would be caught by the JVM, which prints a
 * crash report and aborts (status 134). So the kit checks first, prints one line naming the call
 * and the listing's line, and ends the process with SIGSEGV as the C twin ends (status 139).
 */
final class NullCheck {
    private NullCheck() {}

    /** Ends the process as C would if p is NULL; what names the argument ("stream", "src"). */
    static void check(String call, MemorySegment p, String what) {
        if (!p.equals(MemorySegment.NULL)) return;
        System.out.flush();
        System.err.println(call + ": " + what + " is NULL" + MemoryCheck.where(new Throwable().getStackTrace())
                + "; C would read address 0: Segmentation fault");
        System.err.flush();
        Signal.restoreDefault(Signal.SIGSEGV);
        Signal.raise(Signal.SIGSEGV);
        Unistd._exit(128 + Signal.SIGSEGV);   // not reached: the signal ends the process first
    }
}
