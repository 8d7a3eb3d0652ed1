package syskit.ch18;

import syskit.os.Stdlib;

/** The optional numeric arguments of the chapter's thread listings (the book's have none). */
final class Args {
    private Args() {}

    /** argv[i] as a positive number, dflt when absent; a usage line and exit 1 when it is not a number. */
    static int number(String[] argv, int i, int dflt, String usage) {
        if (argv.length <= i) return dflt;
        try {
            int n = Integer.parseInt(argv[i]);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // below
        }
        System.out.println("Usage : " + argv[0] + " " + usage);
        Stdlib.exit(1);
        return dflt;
    }
}
