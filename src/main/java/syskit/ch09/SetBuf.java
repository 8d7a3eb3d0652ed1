package syskit.ch09;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;

/**
 * ch09/set_buf: asks for 3 KiB receive and send buffers, then reads the sizes back. Linux
 * doubles what it is asked for (the extra half is for its own bookkeeping, see socket(7)), so
 * it prints 6144 twice; a request under the minimum is raised to it first.
 * Usage: set_buf
 * C reference: chapters/ch09/c/set_buf.c; guide: chapters/ch09/README.md.
 */
public final class SetBuf {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment snd_buf = arena.allocateFrom(JAVA_INT, 1024 * 3), rcv_buf = arena.allocateFrom(JAVA_INT, 1024 * 3);
            int state;
            int[] len = new int[1];

            sock = socket(PF_INET, SOCK_STREAM, 0);
            state = setsockopt(sock, SOL_SOCKET, SO_RCVBUF, rcv_buf, (int) rcv_buf.byteSize());
            if (state != 0)
                error_handling("setsockopt() error");

            state = setsockopt(sock, SOL_SOCKET, SO_SNDBUF, snd_buf, (int) snd_buf.byteSize());
            if (state != 0)
                error_handling("setsockopt() error");

            len[0] = (int) snd_buf.byteSize();
            state = getsockopt(sock, SOL_SOCKET, SO_SNDBUF, snd_buf, len);
            if (state != 0)
                error_handling("getsockopt() error");

            len[0] = (int) rcv_buf.byteSize();
            state = getsockopt(sock, SOL_SOCKET, SO_RCVBUF, rcv_buf, len);
            if (state != 0)
                error_handling("getsockopt() error");

            System.out.println("Input buffer size: " + rcv_buf.get(JAVA_INT, 0) + " ");
            System.out.println("Output buffer size: " + snd_buf.get(JAVA_INT, 0) + " ");
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
