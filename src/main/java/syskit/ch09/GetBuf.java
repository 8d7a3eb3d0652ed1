package syskit.ch09;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;

/**
 * ch09/get_buf: the sizes of a new TCP socket's receive (input) and send (output) buffers,
 * SO_RCVBUF and SO_SNDBUF. The numbers are the machine's (net.ipv4.tcp_rmem / tcp_wmem on Linux),
 * not the book's.
 * Usage: get_buf
 * C reference: chapters/ch09/c/get_buf.c; guide: chapters/ch09/README.md.
 */
public final class GetBuf {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment snd_buf = arena.allocate(JAVA_INT), rcv_buf = arena.allocate(JAVA_INT);
            int state;
            int[] len = new int[1];

            sock = socket(PF_INET, SOCK_STREAM, 0);
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
