package syskit.os;

/**
 * Not in C's library: the command-line checks every listing needs, named after TLPI's get_num.h
 * ({@code getInt}). The book's {@code atoi} turns "abc" into 0 and "70000" into a port of 4464,
 * and {@code inet_addr} turns "localhost" into INADDR_NONE; a listing that takes its arguments
 * through here refuses such an argument with one line on stderr and exit status 1 (the book's
 * own status for a usage error), the same line for every listing, in the learner's language
 * ({@link Messages}: English, or Korean under LANG=ko_KR.UTF-8).
 */
public final class GetNum {
    private GetNum() {}

    /** arg as a whole number from min to max (min >= 0), or -1 when it is not one: no sign, digits only. */
    public static int getInt(String arg, int min, int max) {
        if (min < 0) throw new IllegalArgumentException("getInt: min must be >= 0, -1 means a bad argument");
        if (arg == null || arg.isEmpty() || arg.length() > 10 || !arg.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        long n = Long.parseLong(arg);
        return n >= min && n <= max ? (int) n : -1;
    }

    /** A port argument, 1 to 65535; anything else ends the listing: {@code bad port 'x': give a number from 1 to 65535}. */
    public static int getPort(String arg) {
        int port = getInt(arg, 1, 65535);
        if (port == -1) refuse(Messages.text("bad.port", arg));
        return port;
    }

    /** A dotted IPv4 address argument, as inet_addr reads it; anything else ends the listing. */
    public static String getAddress(String arg) {
        if (arg == null || Inet.inet_addr(arg) == Inet.INADDR_NONE)
            refuse(Messages.text("bad.address", arg));
        return arg;
    }

    /** A multicast group argument, 224.0.0.0 to 239.255.255.255 (IN_MULTICAST): C would send to any address, or fail to join silently. */
    public static String getGroup(String arg) {
        int a = arg == null ? Inet.INADDR_NONE : Inet.inet_addr(arg);
        if (a == Inet.INADDR_NONE || (Inet.ntohl(a) & 0xf0000000) != 0xe0000000)
            refuse(Messages.text("bad.group", arg));
        return arg;
    }

    /**
     * An optional count the kit adds where the book has a fixed one (a loop count, a number of
     * clients): argv[i] from min to max, dflt when argv has no argv[i]; anything else ends the listing.
     */
    public static int getCount(String[] argv, int i, int dflt, int min, int max, String what) {
        if (argv.length <= i) return dflt;
        int n = getInt(argv[i], min, max);
        if (n == -1) refuse(Messages.text("bad.count", what, argv[i], min, max));
        return n;
    }

    /** An optional number of seconds where the book sleeps a fixed time: argv[i], dflt (the book's) when absent. */
    public static int getSeconds(String[] argv, int i, int dflt, String what) {
        if (argv.length <= i) return dflt;
        int n = getInt(argv[i], 0, 999_999);
        if (n == -1) refuse(Messages.text("bad.seconds", what, argv[i], dflt));
        return n;
    }

    /** The one way an argument is refused: one line on stderr, exit status 1. */
    public static void refuse(String line) {
        Messages.println(System.err, line);
        Stdlib.exit(1);
    }
}
