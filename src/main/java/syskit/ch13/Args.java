package syskit.ch13;

import syskit.os.Inet;
import syskit.os.Stdlib;

/** Not in the book: the address and port checks made before C's inet_addr and atoi would take anything. */
final class Args {
    private Args() {}

    static void address(String arg) {
        if (Inet.inet_addr(arg) == Inet.INADDR_NONE) {
            System.err.println("bad address '" + arg + "': give an IPv4 address such as 127.0.0.1");
            Stdlib.exit(1);
        }
    }

    static void port(String arg) {
        if (Inet.port(arg) == -1) {
            System.err.println("bad port '" + arg + "': give a number from 1 to 65535");
            Stdlib.exit(1);
        }
    }
}
