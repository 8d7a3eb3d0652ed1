package syskit.ch12;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.CString.*;
import static syskit.os.Select.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import syskit.posix.fd_set;
import syskit.posix.timeval;

/**
 * ch12/select: select() watches stdin (fd 0) with a 5 s timeout. Silence prints
 * {@code Time-out!}; a line typed in time is read and printed as {@code message from console: ...}.
 * Usage: select [seconds]   (the timeout, 5 by default, as in the book; tests pass 1)
 *
 * As in the book, it never ends: at the end of input (Ctrl-D, or stdin from /dev/null) fd 0 is
 * always "ready", read returns 0, and the loop spins, printing an empty message each time.
 * The class is not called Select: that name is the os layer's sys/select.h.
 */
public final class SelectDemo {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reads = fd_set.allocate(arena), temps = fd_set.allocate(arena);
            int result, str_len;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment timeout = timeval.allocate(arena);
            int seconds = getSeconds(argv, 1, 5, "timeout");   // not in the book: the timeout for tests

            FD_ZERO(reads);
            FD_SET(0, reads);

            while (true) {
                temps.copyFrom(reads);   // temps = reads: select overwrites the set it is given
                timeval.tv_sec(timeout, seconds);
                timeval.tv_usec(timeout, 0);
                result = select(1, temps, MemorySegment.NULL, MemorySegment.NULL, timeout);
                if (result == -1) {
                    System.out.println("select error!");
                    break;
                } else if (result == 0) {
                    System.out.println("Time-out!");
                } else {
                    if (FD_ISSET(0, temps) != 0) {
                        str_len = read(0, buf, BUF_SIZE);
                        // As in C, a read of all 30 bytes puts the NUL at buf[30], one past the end:
                        // C writes it silently, the kit stops with one line naming this line.
                        buf.set(ValueLayout.JAVA_BYTE, str_len, (byte) 0);
                        System.out.print("message from console: " + str(buf));
                    }
                }
            }
            return 0;
        }
    }
}
