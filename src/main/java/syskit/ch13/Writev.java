package syskit.ch13;

import static syskit.os.Uio.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.iovec;

/**
 * ch13/writev: one writev() to stdout gathers 3 bytes of "ABCDEFG" and 4 of "1234567":
 * {@code ABC1234}, then {@code Write bytes: 7}.
 * Usage: writev
 */
public final class Writev {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vec = iovec.allocateArray(2, arena);   // struct iovec vec[2]
            MemorySegment buf1 = arena.allocateFrom("ABCDEFG");
            MemorySegment buf2 = arena.allocateFrom("1234567");
            int str_len;

            iovec.iov_base(iovec.asSlice(vec, 0), buf1);
            iovec.iov_len(iovec.asSlice(vec, 0), 3);
            iovec.iov_base(iovec.asSlice(vec, 1), buf2);
            iovec.iov_len(iovec.asSlice(vec, 1), 4);

            System.out.flush();   // writev goes to fd 1 directly, past System.out's buffer
            str_len = writev(1, vec, 2);
            System.out.println();   // puts("")
            System.out.println("Write bytes: " + str_len + " ");
            return 0;
        }
    }
}
