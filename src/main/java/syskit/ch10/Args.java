package syskit.ch10;

import syskit.os.GetNum;
import syskit.os.Stdlib;

/**
 * The optional arguments some chapter 10 listings take where the book waits a fixed time
 * (zombie's sleep(30), for instance): the book's value by default, a shorter one for tests.
 */
final class Args {
    private Args() {}

    /** argv[i] as a whole number of seconds, or dflt when absent; bad input ends with usage, status 2. */
    static int seconds(String[] argv, int i, int dflt, String usage) {
        if (argv.length <= i) return dflt;
        if (GetNum.getInt(argv[i], 0, 999_999) == -1) {
            System.err.println("usage: " + usage + "  ('" + argv[i] + "' is not a number of seconds)");
            Stdlib.exit(2);
        }
        return Integer.parseInt(argv[i]);
    }
}
