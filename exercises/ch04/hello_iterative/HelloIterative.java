package syskit.ch04;

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
 * ch04/hello_iterative, YOUR answer: hello_server made iterative, greeting client after client.
 * The exercise: exercises/ch04/hello_iterative/README.md.
 * Run it: make try EX=ch04/hello_iterative ARGS=9190    Check it: make check EX=ch04/hello_iterative
 *
 * As it stands it is ch01/hello_server: it greets ONE client and ends. Fill in the TODO.
 */
public final class HelloIterative {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock;
            int clnt_sock;
            MemorySegment serv_addr = sockaddr_in.allocate(arena);
            MemorySegment clnt_addr = sockaddr_in.allocate(arena);
            int[] clnt_addr_size = new int[1];
            MemorySegment message = arena.allocateFrom("Hello World!");

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);   // not in the book: atoi("abc") would be port 0

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            if (serv_sock == -1)
                error_handling("socket() error");

            memset0(serv_addr);
            sockaddr_in.sin_family(serv_addr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_addr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_addr, (int) sizeof(serv_addr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");

            // TODO: serve client after client instead of one: repeat accept, write and the close of
            // the client's socket. Which socket must stay open for the next client?
            clnt_addr_size[0] = (int) sizeof(clnt_addr);
            clnt_sock = accept(serv_sock, clnt_addr, clnt_addr_size);
            if (clnt_sock == -1)
                error_handling("accept() error");

            write(clnt_sock, message, sizeof(message));
            close(clnt_sock);
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
