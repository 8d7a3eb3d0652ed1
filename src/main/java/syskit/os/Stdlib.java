package syskit.os;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/** stdlib.h: exit, atoi, malloc, free and realpath, as in C. */
public final class Stdlib {
    private static final class REALPATH { static final MethodHandle H = Errno.capturing(posix_h.realpath$address(), posix_h.realpath$descriptor()); }
    private static final class MALLOC { static final MethodHandle H = Errno.capturing(posix_h.malloc$address(), posix_h.malloc$descriptor()); }

    /**
     * malloc(3): size bytes from C's heap, as a segment of that size, or NULL. Memory a listing
     * hands from one thread to another (thread2's message) lives here, not in an arena; free it.
     */
    public static MemorySegment malloc(long size) {
        try {
            MemorySegment p = (MemorySegment) MALLOC.H.invokeExact(Errno.state(), size);
            return p.equals(MemorySegment.NULL) ? p : p.reinterpret(size);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * realpath(3): path made absolute, with every symbolic link, "." and ".." resolved, or null
     * (errno set) when some part of it does not exist. C's realpath with a NULL buffer mallocs
     * the answer; this frees it.
     */
    public static String realpath(String path) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment r = (MemorySegment) REALPATH.H.invokeExact(Errno.state(), arena.allocateFrom(path), MemorySegment.NULL);
            if (r.equals(MemorySegment.NULL)) return null;
            String resolved = r.reinterpret(Long.MAX_VALUE).getString(0);
            posix_h.free(r);
            return resolved;
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** free(3). */
    public static void free(MemorySegment ptr) {
        posix_h.free(ptr);
    }

    private Stdlib() {}

    /**
     * exit(3): flushes stdout and stderr, then ends the process with this status. In a forked
     * child it ends through _exit: the JVM's own exit path waits for threads the child does not have.
     */
    public static void exit(int status) {
        System.out.flush();
        System.err.flush();
        if (ForkSafety.inChild()) Unistd._exit(status);
        System.exit(status);
    }

    /** atoi(3): leading blanks, an optional sign, then digits; 0 when there are none. */
    public static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) negative = s.charAt(i++) == '-';
        long value = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && value <= Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i++) - '0');
        }
        return (int) (negative ? -value : value);
    }
}
