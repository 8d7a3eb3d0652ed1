package syskit.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Several independent runs at once (bad-argument checks, one input each): all are started,
 * then each is awaited, so their JVM start-ups overlap instead of adding up. Results come back
 * in the order of the runs.
 */
public final class RunAll {
    private RunAll() {}

    public static List<Result> of(Run... runs) {
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
