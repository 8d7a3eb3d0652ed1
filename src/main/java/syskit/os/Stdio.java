package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * stdio.h. C's own {@code FILE *} streams, bound from glibc so that their buffering is C's: a
 * {@code FILE *} is a MemorySegment ({@code MemorySegment.NULL} for C's NULL), and {@link #EOF}
 * is C's. Reads and writes through a FILE do not watch for signals (a listing that installs a
 * handler uses read and write, as the book's do). Beside them, {@link #getline}:
 *
 * <p>Line input from fd 0 for processes that share their stdin, as a parent and its forked child do.
 *
 * Java's System.in (like a Scanner or a BufferedReader over it, and like C++'s cin or C's stdio
 * when stdin is a file) reads ahead: one read(2) takes up to 8 KB, lines meant for the other
 * process included, and keeps them in this process's buffer. {@link #getline} takes one byte per
 * read(2) and stops at the newline, so the rest of the input stays in the kernel, where the other
 * process finds it.
 */
public final class Stdio {
    public static final int EOF = posix_h.EOF();
    /** C's NULL, as fgets and fopen return it: compare with {@code ==}, as in C. */
    public static final MemorySegment NULL = MemorySegment.NULL;

    // One holder class per handle: a handle is built (~10 ms interpreted for each new shape) the
    // first time a listing makes that call, not when the class loads.
    private static final class FOPEN { static final MethodHandle H = Errno.capturing(posix_h.fopen$address(), posix_h.fopen$descriptor()); }
    private static final class FDOPEN { static final MethodHandle H = Errno.capturing(posix_h.fdopen$address(), posix_h.fdopen$descriptor()); }
    private static final class FCLOSE { static final MethodHandle H = Errno.capturing(posix_h.fclose$address(), posix_h.fclose$descriptor()); }
    private static final class FFLUSH { static final MethodHandle H = Errno.capturing(posix_h.fflush$address(), posix_h.fflush$descriptor()); }
    private static final class FGETS { static final MethodHandle H = Errno.capturing(posix_h.fgets$address(), posix_h.fgets$descriptor()); }
    private static final class FPUTS { static final MethodHandle H = Errno.capturing(posix_h.fputs$address(), posix_h.fputs$descriptor()); }
    private static final class FREAD { static final MethodHandle H = Errno.capturing(posix_h.fread$address(), posix_h.fread$descriptor()); }
    private static final class FILENO { static final MethodHandle H = Errno.capturing(posix_h.fileno$address(), posix_h.fileno$descriptor()); }
    private static final class FWRITE { static final MethodHandle H = Errno.capturing(posix_h.fwrite$address(), posix_h.fwrite$descriptor()); }

    private Stdio() {}

    /**
     * A returned pointer: {@link #NULL} itself when C returned NULL, so that a listing's
     * {@code fgets(...) == NULL} is true exactly when C's is (a downcall makes a new segment
     * of address 0, which {@code ==} would not match).
     */
    private static MemorySegment orNull(MemorySegment p) {
        return p.address() == 0 ? NULL : p;
    }

    /** C's {@code stdin} stream (not Java's System.in): {@code fgets(buf, BUF_SIZE, stdin())}. */
    public static MemorySegment stdin() {
        return posix_h.stdin();
    }

    /** C's {@code stdout} stream; flush it with fflush before a fork, as in C. */
    public static MemorySegment stdout() {
        return posix_h.stdout();
    }

    /** fopen(3): the stream, or NULL (errno set). */
    public static MemorySegment fopen(String pathname, String mode) {
        try (Arena arena = Arena.ofConfined()) {
            return orNull((MemorySegment) FOPEN.H.invokeExact(Errno.state(), arena.allocateFrom(pathname), arena.allocateFrom(mode)));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fdopen(3): a stream over an open descriptor (a file or a socket), or NULL. */
    public static MemorySegment fdopen(int fd, String mode) {
        try (Arena arena = Arena.ofConfined()) {
            return orNull((MemorySegment) FDOPEN.H.invokeExact(Errno.state(), fd, arena.allocateFrom(mode)));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fclose(3): flushes, then closes the stream and its descriptor. */
    public static int fclose(MemorySegment stream) {
        NullCheck.check("fclose", stream, "the stream");
        try {
            return (int) FCLOSE.H.invokeExact(Errno.state(), stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fflush(3); NULL flushes every output stream, as in C. */
    public static int fflush(MemorySegment stream) {
        try {
            return (int) FFLUSH.H.invokeExact(Errno.state(), stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fgets(3): at most size-1 bytes up to and with a newline, then a NUL; s, or NULL at end of file. */
    public static MemorySegment fgets(MemorySegment s, int size, MemorySegment stream) {
        NullCheck.check("fgets", stream, "the stream");
        MemoryCheck.count("fgets", -1, s, size, MemoryCheck.Copy.INTO);
        try {
            return orNull((MemorySegment) FGETS.H.invokeExact(Errno.state(), s, size, stream));
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fputs(3): the C string in s (up to its NUL); a non-negative number, or EOF. */
    public static int fputs(MemorySegment s, MemorySegment stream) {
        NullCheck.check("fputs", s, "the string");
        NullCheck.check("fputs", stream, "the stream");
        try {
            return (int) FPUTS.H.invokeExact(Errno.state(), s, stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fputs(3) of a Java string, as C's {@code fputs("literal", fp)}. */
    public static int fputs(String s, MemorySegment stream) {
        try (Arena arena = Arena.ofConfined()) {
            return fputs(arena.allocateFrom(s), stream);
        }
    }

    /** fread(3): the number of whole items read. */
    public static long fread(MemorySegment ptr, long size, long nmemb, MemorySegment stream) {
        NullCheck.check("fread", stream, "the stream");
        MemoryCheck.count("fread", -1, ptr, size * nmemb, MemoryCheck.Copy.INTO);
        try {
            return (long) FREAD.H.invokeExact(Errno.state(), ptr, size, nmemb, stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** fwrite(3): the number of whole items written. */
    public static long fwrite(MemorySegment ptr, long size, long nmemb, MemorySegment stream) {
        NullCheck.check("fwrite", stream, "the stream");
        MemoryCheck.count("fwrite", -1, ptr, size * nmemb, MemoryCheck.Copy.OUT_OF);
        try {
            return (long) FWRITE.H.invokeExact(Errno.state(), ptr, size, nmemb, stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /** feof(3): non-zero once a read on the stream has hit end of file. */
    public static int feof(MemorySegment stream) {
        NullCheck.check("feof", stream, "the stream");
        return posix_h.feof(stream);
    }

    /** ferror(3): non-zero once a call on the stream has failed. */
    public static int ferror(MemorySegment stream) {
        NullCheck.check("ferror", stream, "the stream");
        return posix_h.ferror(stream);
    }

    /** fileno(3): the descriptor under the stream. */
    public static int fileno(MemorySegment stream) {
        NullCheck.check("fileno", stream, "the stream");
        try {
            return (int) FILENO.H.invokeExact(Errno.state(), stream);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
    }

    /**
     * Reads one line from fd 0 into buf as a C string, like C++'s {@code cin.getline(buf, size)}:
     * at most size-1 bytes, then a NUL; the newline is read but not stored. A longer line is cut
     * to size-1 bytes and the rest of it is read and dropped (cin would instead fail from then on),
     * so the next call starts at the next line. System.out is flushed first, as cin flushes cout,
     * so a prompt printed without a newline shows before the read waits.
     *
     * @return the bytes stored, or -1 when the input ended (or failed) before the first byte
     */
    public static int getline(MemorySegment buf, int size) {
        System.out.flush();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocate(1);
            int n = 0;
            boolean any = false;
            while (Unistd.read(Unistd.STDIN_FILENO, c, 1) == 1) {
                any = true;
                byte b = c.get(ValueLayout.JAVA_BYTE, 0);
                if (b == '\n') break;
                if (n < size - 1) buf.set(ValueLayout.JAVA_BYTE, n++, b);
            }
            if (size > 0) buf.set(ValueLayout.JAVA_BYTE, n, (byte) 0);
            return any ? n : -1;
        }
    }
}
