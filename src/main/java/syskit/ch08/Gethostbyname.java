package syskit.ch08;

import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Netdb.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.MemorySegment;

import syskit.posix.hostent;

/**
 * ch08/gethostbyname: a name to its host entry: official name, aliases, address type and
 * addresses, read from the NULL-terminated lists of {@code struct hostent}. Which sources are
 * asked (/etc/hosts, DNS, ...) is /etc/nsswitch.conf's business; {@code localhost} is answered
 * from /etc/hosts, without leaving the machine.
 * Usage: gethostbyname &lt;addr&gt;
 * C reference: chapters/ch08/c/gethostbyname.c; guide: chapters/ch08/README.md.
 */
public final class Gethostbyname {
    public static int main(String[] argv) {
        int i;
        MemorySegment host;
        if (argv.length != 2) {
            System.out.println("Usage : " + argv[0] + " <addr>");
            exit(1);
        }

        host = gethostbyname(argv[1]);
        if (host.equals(MemorySegment.NULL))
            error_handling("gethost... error");

        System.out.println("Official name: " + str(hostent.h_name(host).reinterpret(Long.MAX_VALUE)) + " ");
        for (i = 0; !h_aliases(host, i).equals(MemorySegment.NULL); i++)
            System.out.println("Aliases " + (i + 1) + ": " + str(h_aliases(host, i)) + " ");
        System.out.println("Address type: " + (hostent.h_addrtype(host) == AF_INET ? "AF_INET" : "AF_INET6") + " ");
        for (i = 0; !h_addr_list(host, i).equals(MemorySegment.NULL); i++)
            System.out.println("IP addr " + (i + 1) + ": " + inet_ntoa(h_addr_list(host, i)) + " ");
        return 0;
    }

    /** The book prints the message alone; the kit adds hstrerror(h_errno), the resolver's reason. */
    static void error_handling(String message) {
        System.err.println(message + ": " + hstrerror(h_errno()));
        exit(1);
    }
}
