package syskit.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Several short runs at once (bad-argument checks, a listing against its C reference): all are
 * started, then all awaited, so their JVM starts overlap. Each run still has its own timeout,
 * session and clean-up; results come back in the order of the runs.
 */
public final class Batch {
    private Batch() {}

    public static List<Result> run(List<Run> runs) {
        List<Run.Started> started = new ArrayList<>();
        try {
            for (Run r : runs) started.add(r.start());
            List<Result> results = new ArrayList<>();
            for (Run.Started s : started) results.add(s.await());
            return results;
        } finally {
            for (Run.Started s : started) s.close();
        }
    }
}
