package syskit.ch01;

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
 * ch01/hello_client: connects, reads once, prints the message. One read() is enough here only
 * because the message is short and sent with one write().
 * Usage: hello_client &lt;IP&gt; &lt;port&gt;   (server: ch01/hello_server)
 */
public final class HelloClient {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment serv_addr = sockaddr_in.allocate(arena);
            MemorySegment message = arena.allocate(30);
            int str_len;

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            checkArguments(argv[1], argv[2]);

            sock = socket(PF_INET, SOCK_STREAM, 0);
            if (sock == -1)
                error_handling("socket() error");

            memset0(serv_addr);
            sockaddr_in.sin_family(serv_addr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_addr, htons(atoi(argv[2])));

            if (connect(sock, serv_addr, (int) sizeof(serv_addr)) == -1)
                error_handling("connect() error!");

            str_len = read(sock, message, sizeof(message) - 1);
            if (str_len == -1)
                error_handling("read() error!");

            System.out.println("Message from server : " + str(message) + " ");
            close(sock);
            return 0;
        }
    }

    /** Not in the book: inet_addr and atoi would turn a bad argument into a wrong address or port 0. */
    static void checkArguments(String ip, String port) {
        getAddress(ip);
        getPort(port);
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
