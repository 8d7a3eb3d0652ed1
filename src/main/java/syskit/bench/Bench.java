package syskit.bench;

import java.util.Locale;

/** The one line each benchmark prints, the same shape as its C twin's: {@code name: value unit (detail)}. */
final class Bench {
    private Bench() {}

    static String line(String name, double value, String unit, String detail) {
        return String.format(Locale.ROOT, "%s: %.2f %s (%s)", name, value, unit, detail);
    }
}
