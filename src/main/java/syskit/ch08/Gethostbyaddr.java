package syskit.ch08;

import static syskit.os.GetNum.getAddress;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Netdb.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.hostent;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch08/gethostbyaddr: the reverse lookup, an IPv4 address to its host entry, printed as
 * gethostbyname prints it. {@code 127.0.0.1} is answered from /etc/hosts.
 * Usage: gethostbyaddr &lt;IP&gt;
 * C reference: chapters/ch08/c/gethostbyaddr.c; guide: chapters/ch08/README.md.
 */
public final class Gethostbyaddr {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int i;
            MemorySegment host;
            MemorySegment addr = sockaddr_in.allocate(arena);
            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <IP>");
                exit(1);
            }
            // Not in the book: inet_addr("abc") is INADDR_NONE, 255.255.255.255, whose reverse
            // lookup would go out to DNS; the kit stops here instead.
            getAddress(argv[1]);

            memset0(addr);
            in_addr.s_addr(sockaddr_in.sin_addr(addr), inet_addr(argv[1]));
            host = gethostbyaddr(sockaddr_in.sin_addr(addr), 4, AF_INET);
            if (host.equals(MemorySegment.NULL))
                error_handling("gethost... error");

            System.out.println("Official name: " + str(hostent.h_name(host).reinterpret(Long.MAX_VALUE)) + " ");
            for (i = 0; !h_aliases(host, i).equals(MemorySegment.NULL); i++)
                System.out.println("Aliases " + (i + 1) + ":" + str(h_aliases(host, i)) + " ");
            System.out.println("Address type: " + (hostent.h_addrtype(host) == AF_INET ? "AF_INET" : "AF_INET6") + " ");
            for (i = 0; !h_addr_list(host, i).equals(MemorySegment.NULL); i++)
                System.out.println("IP addr " + (i + 1) + ": " + inet_ntoa(h_addr_list(host, i)) + " ");
            return 0;
        }
    }

    /** The book prints the message alone; the kit adds hstrerror(h_errno), the resolver's reason. */
    static void error_handling(String message) {
        System.err.println(message + ": " + hstrerror(h_errno()));
        exit(1);
    }
}
