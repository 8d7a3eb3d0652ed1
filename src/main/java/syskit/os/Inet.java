package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * arpa/inet.h and netinet/in.h, named as in C: byte order and IPv4 addresses. A
 * {@code struct sockaddr_in} is the generated {@code syskit.posix.sockaddr_in}, filled as in C:
 * <pre>
 * MemorySegment serv_adr = sockaddr_in.allocate(arena);
 * memset0(serv_adr);
 * sockaddr_in.sin_family(serv_adr, (short) AF_INET);
 * in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
 * sockaddr_in.sin_port(serv_adr, htons(port));
 * </pre>
 */
public final class Inet {
    private static final class INET_PTON { static final MethodHandle H = Errno.capturing(posix_h.inet_pton$address(), posix_h.inet_pton$descriptor()); }

    public static final int INADDR_ANY = posix_h.INADDR_ANY();
    public static final int INADDR_LOOPBACK = posix_h.INADDR_LOOPBACK();
    public static final int INADDR_NONE = posix_h.INADDR_NONE();

    private Inet() {}

    /** htons(3); takes an int so that {@code htons(atoi(argv[1]))} reads as in C. */
    public static short htons(int hostshort) {
        return posix_h.htons((short) hostshort);
    }

    public static int htonl(int hostlong) {
        return posix_h.htonl(hostlong);
    }

    /** ntohl(3): a 32-bit value from network to host byte order. */
    public static int ntohl(int netlong) {
        return posix_h.ntohl(netlong);
    }

    /** ntohs(3), as an unsigned value 0-65535. */
    public static int ntohs(short netshort) {
        return Short.toUnsignedInt(posix_h.ntohs(netshort));
    }

    /** inet_addr(3): the address in network byte order, or INADDR_NONE when cp is not one. */
    public static int inet_addr(String cp) {
        try (Arena arena = Arena.ofConfined()) {
            return posix_h.inet_addr(arena.allocateFrom(cp));
        }
    }

    /** inet_aton(3): 1 and inp (a {@code struct in_addr}) filled, 0 when cp is not an address. */
    public static int inet_aton(String cp, MemorySegment inp) {
        try (Arena arena = Arena.ofConfined()) {
            return posix_h.inet_aton(arena.allocateFrom(cp), inp);
        }
    }

    /** inet_pton(3): 1 and dst filled, 0 when src is not an address of that family. */
    public static int inet_pton(int af, String src, MemorySegment dst) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) INET_PTON.H.invokeExact(Errno.state(), af, arena.allocateFrom(src), dst);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** inet_ntoa(3): a {@code struct in_addr} as dotted-decimal text. */
    public static String inet_ntoa(MemorySegment in) {
        return posix_h.inet_ntoa(in).reinterpret(Long.MAX_VALUE).getString(0);
    }
}
