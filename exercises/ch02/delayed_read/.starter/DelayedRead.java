package syskit.ch02;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
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
 * ch02/delayed_read, YOUR answer: wait (for Enter), then read the server's three writes with one
 * read(). The exercise: exercises/ch02/delayed_read/README.md. Check it: make check EX=ch02/delayed_read
 *
 * As it stands it is ch02/tcp_client, reading one byte per read() at once: fill in the TODOs.
 */
public final class DelayedRead {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment serv_addr = sockaddr_in.allocate(arena);
            MemorySegment message = arena.allocate(30);
            int str_len = 0;
            int idx = 0, read_len = 0;

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);   // not in the book, nor the port check
            getPort(argv[2]);

            sock = socket(PF_INET, SOCK_STREAM, 0);
            if (sock == -1)
                error_handling("socket() error");

            memset0(serv_addr);
            sockaddr_in.sin_family(serv_addr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_addr, htons(atoi(argv[2])));

            if (connect(sock, serv_addr, (int) sizeof(serv_addr)) == -1)
                error_handling("connect() error!");

            // TODO 1: the delay. Print "Press Enter to read: " and wait for a line on stdin (C's fgets
            // on posix_h.stdin(), from syskit.os.Stdio) BEFORE the first read() of the socket.

            // TODO 2: replace this loop by ONE read() of up to sizeof(message) - 1 bytes, and count it.
            while ((read_len = read(sock, message.asSlice(idx++), 1)) != 0) {
                if (read_len == -1)
                    error_handling("read() error!");
                str_len += read_len;
            }

            System.out.println("Message from server : " + str(message) + " ");
            System.out.println("Function read call count: " + str_len + " ");
            close(sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
