package syskit.ch14;

import static syskit.os.Inet.*;

import syskit.os.Stdlib;

/** Not in the book: the checks made before C's inet_addr and atoi would take anything, and the senders' pause. */
final class Args {
    private Args() {}

    /** A multicast group, 224.0.0.0 to 239.255.255.255 (IN_MULTICAST); C would send to any address, or fail to join silently. */
    static void group(String arg) {
        int a = inet_addr(arg);
        if (a == INADDR_NONE || (ntohl(a) & 0xf0000000) != 0xe0000000) {
            System.err.println("bad group '" + arg + "': give a multicast address, 224.0.0.0 to 239.255.255.255");
            Stdlib.exit(1);
        }
    }

    static void address(String arg) {
        if (inet_addr(arg) == INADDR_NONE) {
            System.err.println("bad address '" + arg + "': give an IPv4 address such as 127.255.255.255");
            Stdlib.exit(1);
        }
    }

    static void port(String arg) {
        if (syskit.os.Inet.port(arg) == -1) {
            System.err.println("bad port '" + arg + "': give a number from 1 to 65535");
            Stdlib.exit(1);
        }
    }

    /** The senders' pause between chunks: argv[3] seconds, 2 (the book's) when absent. */
    static int pause(String[] argv) {
        if (argv.length < 4) return 2;
        if (!argv[3].matches("[0-9]{1,6}")) {
            System.err.println("bad pause '" + argv[3] + "': give a number of seconds (the book waits 2)");
            Stdlib.exit(1);
        }
        return Integer.parseInt(argv[3]);
    }
}
