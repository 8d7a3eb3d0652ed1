package syskit.kit;

import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.CString;
import syskit.os.Errno;
import syskit.os.Signal;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * kit/sigpipe [ignore]: writes twice to a TCP connection whose peer has closed. As in C
 * (chapters/kit/c/sigpipe.c), the second write kills the process with SIGPIPE; with 'ignore' it
 * sets SIGPIPE to SIG_IGN first, and the write fails with EPIPE instead.
 */
public final class Sigpipe {
    public static int main(String[] argv) {
        if (argv.length > 1 && argv[1].equals("ignore")) Signal.signal(Signal.SIGPIPE, Signal.SIG_IGN);
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            MemorySegment serv_adr = sockaddr_in.allocate(arena);
            CString.memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr("127.0.0.1"));
            if (bind(serv_sock, serv_adr, (int) serv_adr.byteSize()) == -1 || listen(serv_sock, 1) == -1) {
                Errno.perror("bind/listen");
                return 1;
            }
            int[] len = {(int) serv_adr.byteSize()};
            getsockname(serv_sock, serv_adr, len);
            int sock = socket(PF_INET, SOCK_STREAM, 0);
            connect(sock, serv_adr, (int) serv_adr.byteSize());
            close(accept(serv_sock, MemorySegment.NULL, null)); // the peer closes at once

            MemorySegment msg = arena.allocateFrom("hello");
            for (int i = 1; i <= 2; i++) {
                System.out.println("write " + i);
                System.out.flush();
                if (write(sock, msg, CString.sizeof(msg)) == -1) {
                    Errno.perror("write");
                    return 1;
                }
                usleep(100_000); // the peer's RST comes back before the second write
            }
            System.out.println("still alive");
        }
        return 0;
    }
}
