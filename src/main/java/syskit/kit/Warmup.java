package syskit.kit;

import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.CString;
import syskit.os.Signal;
import syskit.os.Stdio;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * kit/warmup: the training run of the JIT profile's AOT cache (bin/aot, at build time). It makes the calls most listings make first, so that the classes they load and link
 * come from the cache at every later start. It prints nothing and touches nothing outside itself.
 */
public final class Warmup {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            pipe(fds);
            MemorySegment message = arena.allocateFrom("warm-up");
            MemorySegment buf = arena.allocate(30);
            write(fds[1], message, CString.sizeof(message));
            read(fds[0], buf, CString.sizeof(message));
            close(fds[0]);
            close(fds[1]);

            int serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            MemorySegment serv_adr = sockaddr_in.allocate(arena);
            serv_adr.fill((byte) 0);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr("127.0.0.1"));
            sockaddr_in.sin_port(serv_adr, htons(0));
            bind(serv_sock, serv_adr, (int) serv_adr.byteSize());
            listen(serv_sock, 5);
            int[] len = {(int) serv_adr.byteSize()};
            getsockname(serv_sock, serv_adr, len);
            int sock = socket(PF_INET, SOCK_STREAM, 0);
            connect(sock, serv_adr, (int) serv_adr.byteSize());
            int clnt_sock = accept(serv_sock, MemorySegment.NULL, null);
            send(sock, message, CString.sizeof(message), 0);
            recv(clnt_sock, buf, CString.sizeof(message), 0);
            close(clnt_sock);
            close(sock);
            close(serv_sock);
            Stdio.fflush(MemorySegment.NULL);

            Signal.signal(Signal.SIGUSR1, Signal.SIG_IGN);
            Signal.signal(Signal.SIGUSR1, Signal.SIG_DFL);
        }
        return 0;
    }

}
