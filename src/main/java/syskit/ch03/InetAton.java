package syskit.ch03;

import static syskit.os.Inet.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch03/inet_aton: the same conversion as inet_addr, written straight into the sin_addr of a
 * struct sockaddr_in; the return value (1 or 0) says whether the text was an address.
 * Usage: inet_aton
 */
public final class InetAton {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            String addr = "127.232.124.79";
            MemorySegment addr_inet = sockaddr_in.allocate(arena);

            if (inet_aton(addr, sockaddr_in.sin_addr(addr_inet)) == 0)
                error_handling("Conversion error");
            else
                System.out.println("Network ordered integer addr: 0x"
                        + Integer.toHexString(in_addr.s_addr(sockaddr_in.sin_addr(addr_inet))) + " ");
            return 0;
        }
    }

    static void error_handling(String message) {
        System.err.println(message);
        exit(1);
    }
}
