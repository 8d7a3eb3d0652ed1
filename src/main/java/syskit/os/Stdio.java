package syskit.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Line input from fd 0 for processes that share their stdin, as a parent and its forked child do.
 *
 * Java's System.in (like a Scanner or a BufferedReader over it, and like C++'s cin or C's stdio
 * when stdin is a file) reads ahead: one read(2) takes up to 8 KB, lines meant for the other
 * process included, and keeps them in this process's buffer. {@link #getline} takes one byte per
 * read(2) and stops at the newline, so the rest of the input stays in the kernel, where the other
 * process finds it.
 */
public final class Stdio {
    private Stdio() {}

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
