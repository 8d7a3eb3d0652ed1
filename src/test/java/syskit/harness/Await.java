package syskit.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what a test watches from outside (a line, a process state), never longer than a bound. */
public final class Await {
    private Await() {}

    /** Checks the condition every 20 ms until it holds (true) or the time is up (false). */
    public static boolean until(BooleanSupplier condition, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
