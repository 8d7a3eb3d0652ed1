package syskit.tools.trace;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a futex call stands for in a listing's thread. The C library builds pthread_join,
 * pthread_mutex_lock/unlock and sem_wait/sem_post on futex; the call itself only shows when
 * a thread has to wait (or wake a waiter), so a futex in the trace marks a real contention.
 */
final class Futex {
    private Futex() {}

    private static final Pattern CALL = Pattern.compile("^(0x[0-9a-f]+), (FUTEX_\\w+)");
    private static final Pattern CHILD_TID = Pattern.compile("child_tid=(0x[0-9a-f]+)");

    /** The futex word's address, or null. */
    static String address(String args) {
        Matcher m = CALL.matcher(args);
        return m.find() ? m.group(1) : null;
    }

    /** The address the kernel clears (and wakes) when a thread created by this clone ends: what pthread_join waits on. */
    static String childTid(String cloneArgs) {
        Matcher m = CHILD_TID.matcher(cloneArgs);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The row's text, or null when the call is not worth a row (a wake that woke nobody).
     * joins: child_tid address to the column name of the thread whose end it waits for.
     */
    static String describe(Strace.Event e, Map<String, String> joins) {
        Matcher m = CALL.matcher(e.args());
        if (!m.find()) return null;
        String address = m.group(1), op = m.group(2);
        String ret = e.ret() == null ? "" : " = " + e.ret();
        String thread = joins.get(address);
        if (op.startsWith("FUTEX_WAIT")) {
            if (thread != null) return "pthread_join: waits for " + thread + " to end" + ret + "  [futex " + address + "]";
            return "lock wait" + ret + "  [futex " + address + "]";
        }
        if (op.startsWith("FUTEX_WAKE")) {
            if (e.value() <= 0) return null;
            return "unlock wakes " + e.value() + " waiting  [futex " + address + "]";
        }
        return null;
    }
}
