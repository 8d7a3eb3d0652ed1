package syskit.ch02;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch02/write_thrice_server: tcp_server sending its 13 bytes with three write() calls ("Hello",
 * " World", "!" and the NUL), the server of the exercise ch02/delayed_read. It closes the
 * connection only when the client has closed its side.
 * Usage: write_thrice_server &lt;port&gt;
 */
public final class WriteThriceServer {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment serv_addr = sockaddr_in.allocate(arena), clnt_addr = sockaddr_in.allocate(arena);
            int[] clnt_addr_size = {(int) sizeof(clnt_addr)};
            MemorySegment message = arena.allocateFrom("Hello World!");
            MemorySegment rest = arena.allocate(1);

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);
            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_addr);
            sockaddr_in.sin_family(serv_addr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_addr, htons(atoi(argv[1])));
            if (bind(serv_sock, serv_addr, (int) sizeof(serv_addr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");
            clnt_sock = accept(serv_sock, clnt_addr, clnt_addr_size);
            if (clnt_sock == -1)
                error_handling("accept() error");

            write(clnt_sock, message, 5);                  // "Hello"
            write(clnt_sock, message.asSlice(5), 6);       // " World"
            write(clnt_sock, message.asSlice(11), 2);      // "!" and the NUL
            while (read(clnt_sock, rest, 1) > 0) { }       // until the client closes
            close(clnt_sock);
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
