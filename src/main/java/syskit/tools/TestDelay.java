package syskit.tools;

import syskit.os.Stdlib;
import syskit.posix.posix_h;

/**
 * A pause that only tests switch on, to force one side of a race on purpose. A listing marks a
 * point, e.g. {@code TestDelay.at("syskit.pipe2.delay", "child-before-read")}; a test starts the
 * JVM with {@code -Dsyskit.pipe2.delay=child-before-read:1000ms} and that point sleeps 1000 ms
 * (usleep) in whichever process reaches it. Without the property, or at another point, nothing
 * happens: a learner's run is the listing as written.
 */
public final class TestDelay {
    private TestDelay() {}

    public static void at(String property, String point) {
        String spec = System.getProperty(property);
        if (spec == null || !spec.startsWith(point + ":")) return;
        String ms = spec.substring(point.length() + 1);
        if (!ms.matches("[0-9]{1,6}ms")) {
            System.err.println("syskit: -D" + property + "=" + spec + ": expected " + point + ":<N>ms, N up to 999999");
            Stdlib.exit(2);
        }
        posix_h.usleep(Integer.parseInt(ms.substring(0, ms.length() - 2)) * 1000);
    }
}
