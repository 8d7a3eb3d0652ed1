package syskit.ch13;

import static syskit.os.CString.*;
import static syskit.os.Uio.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.iovec;

/**
 * ch13/readv: one readv() from stdin scatters the input: the first 5 bytes into buf1, up to
 * 100 more into buf2. Prints the count and both buffers.
 * Usage: readv   (then type a line)
 */
public final class Readv {
    static final int BUF_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vec = iovec.allocateArray(2, arena);   // struct iovec vec[2]
            MemorySegment buf1 = arena.allocate(BUF_SIZE);       // = {0,}: arena memory is zeroed
            MemorySegment buf2 = arena.allocate(BUF_SIZE);
            int str_len;

            iovec.iov_base(iovec.asSlice(vec, 0), buf1);
            iovec.iov_len(iovec.asSlice(vec, 0), 5);
            iovec.iov_base(iovec.asSlice(vec, 1), buf2);
            iovec.iov_len(iovec.asSlice(vec, 1), BUF_SIZE);

            str_len = readv(0, vec, 2);
            System.out.println("Read bytes: " + str_len + " ");
            System.out.println("First message: " + str(buf1) + " ");
            System.out.println("Second message: " + str(buf2) + " ");
            return 0;
        }
    }
}
