package syskit.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.hostent;
import syskit.posix.posix_h;

/**
 * netdb.h, named as in C: the old resolver calls the book uses, gethostbyname and
 * gethostbyaddr, with their {@code struct hostent} (the generated {@code syskit.posix.hostent})
 * and its NULL-terminated {@code char *} lists. A listing reads them as C does:
 * <pre>
 * host = gethostbyname(argv[1]);
 * for (i = 0; !h_aliases(host, i).equals(NULL); i++)
 *     ... str(h_aliases(host, i)) ...                    // host->h_aliases[i]
 * for (i = 0; !h_addr_list(host, i).equals(NULL); i++)
 *     ... inet_ntoa(h_addr_list(host, i)) ...            // *(struct in_addr *) host->h_addr_list[i]
 * </pre>
 * The hostent and its lists live in glibc's static storage, as in C: the next call overwrites
 * them. On failure these calls set h_errno, not errno: {@link #h_errno()} and {@link #hstrerror}.
 */
public final class Netdb {
    public static final int HOST_NOT_FOUND = posix_h.HOST_NOT_FOUND();
    public static final int NO_DATA = posix_h.NO_DATA();

    private Netdb() {}

    /** gethostbyname(3): the {@code struct hostent} for a name or dotted address, or NULL (see h_errno). */
    public static MemorySegment gethostbyname(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return sized(posix_h.gethostbyname(arena.allocateFrom(name)));
        }
    }

    /** gethostbyaddr(3): addr is len bytes of an address of family type (a {@code struct in_addr}, 4, AF_INET). */
    public static MemorySegment gethostbyaddr(MemorySegment addr, int len, int type) {
        if (len > addr.byteSize())
            throw MemoryCheck.overrun("gethostbyaddr(addr, " + len + ", ...)", "len " + len + " is larger than the address (" + addr.byteSize() + " bytes)", MemoryCheck.Copy.OUT_OF);
        return sized(posix_h.gethostbyaddr(addr, len, type));
    }

    public static int h_errno() {
        return posix_h.__h_errno_location().reinterpret(JAVA_INT.byteSize()).get(JAVA_INT, 0);
    }

    /** hstrerror(3): the text for an h_errno value, e.g. "Unknown host". */
    public static String hstrerror(int err) {
        return posix_h.hstrerror(err).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** C's {@code host->h_aliases[i]}: the i-th alias (a C string), or NULL after the last. */
    public static MemorySegment h_aliases(MemorySegment host, int i) {
        return element(hostent.h_aliases(host), i);
    }

    /** C's {@code host->h_addr_list[i]}: the i-th address (h_length bytes), or NULL after the last. */
    public static MemorySegment h_addr_list(MemorySegment host, int i) {
        return element(hostent.h_addr_list(host), i);
    }

    /** Element i of a NULL-terminated array of pointers; the pointer it holds may be read to its NUL. */
    private static MemorySegment element(MemorySegment list, int i) {
        MemorySegment p = list.reinterpret((i + 1) * ADDRESS.byteSize()).getAtIndex(ADDRESS, i);
        return p.equals(MemorySegment.NULL) ? MemorySegment.NULL : p.reinterpret(Long.MAX_VALUE);
    }

    private static MemorySegment sized(MemorySegment host) {
        return host.equals(MemorySegment.NULL) ? MemorySegment.NULL : host.reinterpret(hostent.sizeof());
    }
}
