package syskit.os;

import java.lang.foreign.MemorySegment;

/**
 * C's char arrays in a MemorySegment: {@code char str[] = "Who are you?"} is
 * {@code arena.allocateFrom("Who are you?")}, 13 bytes with its NUL, and {@link #sizeof} gives 13
 * as C's sizeof does.
 */
public final class CString {
    private CString() {}

    /** Bytes in the array, like sizeof on a C array (not a pointer): the NUL is counted. */
    public static long sizeof(MemorySegment array) {
        return array.byteSize();
    }

    /**
     * The bytes up to the first NUL, as {@code cout << buf} prints them; the whole array if none.
     * One char per byte (ISO-8859-1), and the listings' stdout and stderr encode ISO-8859-1 too:
     * printed, the string is the bytes received, whatever they are (caf\xe9, EUC-KR, UTF-8), as
     * C prints them. Decoded as UTF-8, a byte that is not UTF-8 would come out as U+FFFD.
     */
    public static String str(MemorySegment buf) {
        long n = strlen(buf);
        return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Bytes before the first NUL, never past the end of the array. */
    public static long strlen(MemorySegment buf) {
        long n = 0;
        while (n < buf.byteSize() && buf.get(java.lang.foreign.ValueLayout.JAVA_BYTE, n) != 0) n++;
        return n;
    }

    /** memset(buf, 0, sizeof(buf)). */
    public static void memset0(MemorySegment buf) {
        buf.fill((byte) 0);
    }

    /**
     * strtok(3), C's own: the first call takes the string, later calls NULL, and the position
     * between calls is one static pointer in libc, shared by every thread (chapter 24 shows what
     * that does to a threaded server). Returns NULL when no token is left.
     */
    public static MemorySegment strtok(MemorySegment str, MemorySegment delim) {
        return syskit.posix.posix_h.strtok(str, delim);
    }

    /** strsignal(3): the signal's name, "Interrupt" for SIGINT. */
    public static String strsignal(int sig) {
        return syskit.posix.posix_h.strsignal(sig).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /**
     * strcpy(3): src's bytes and its NUL into dest. src NULL ends the process with SIGSEGV as C's
     * does ({@link NullCheck}); a string longer than dest is refused, where C would write past it.
     */
    public static void strcpy(MemorySegment dest, MemorySegment src) {
        NullCheck.check("strcpy", src, "src");
        MemorySegment s = src.byteSize() == 0 ? src.reinterpret(Long.MAX_VALUE) : src;   // a bare pointer from C: read to its NUL
        long n = 0;
        while (n < s.byteSize() && s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, n) != 0) n++;
        if (n + 1 > dest.byteSize())
            throw MemoryCheck.overrun("strcpy(dest, src)", "src is " + (n + 1) + " bytes with its NUL, dest " + dest.byteSize(), MemoryCheck.Copy.INTO);
        MemorySegment.copy(s, 0, dest, 0, n);
        dest.set(java.lang.foreign.ValueLayout.JAVA_BYTE, n, (byte) 0);
    }
}
