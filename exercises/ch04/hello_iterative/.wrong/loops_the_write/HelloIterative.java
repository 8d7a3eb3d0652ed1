// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// Loops around the write instead of around accept: the first client gets the greeting three
// times, and nobody else is ever accepted.
// fails: theConnectionEndsAfterTheGreeting "instead of the 13 bytes"
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
 * ch04/hello_iterative, the reference answer of the exercise (chapter 4, quiz 7): hello_server
 * made iterative. It greets client after client: accept, write "Hello World!" with its NUL,
 * close that client's socket, and accept the next, until it is killed.
 * Usage: hello_iterative &lt;port&gt;   (client: ch01/hello_client)
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

            clnt_addr_size[0] = (int) sizeof(clnt_addr);
            clnt_sock = accept(serv_sock, clnt_addr, clnt_addr_size);
            if (clnt_sock == -1)
                error_handling("accept() error");
            for (int i = 0; i < 3; i++)
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
