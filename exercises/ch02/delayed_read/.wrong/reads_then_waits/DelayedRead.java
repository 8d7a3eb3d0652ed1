// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// Calls read() first and waits for Enter afterwards: the delay comes too late, the read may
// return only the first write.
// fails: itWaitsBeforeItReads "before the delay"
package syskit.ch02;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.fgets;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.posix_h;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch02/delayed_read, the reference answer of the exercise (chapter 2, quiz 6): the server
 * (ch02/write_thrice_server) sends "Hello World!" with three write() calls; this client waits,
 * the delay being the user's Enter key, and then calls read() ONCE: by then all three writes
 * have arrived, and the one read returns them together.
 * Usage: delayed_read &lt;IP&gt; &lt;port&gt;
 */
public final class DelayedRead {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment serv_addr = sockaddr_in.allocate(arena);
            MemorySegment message = arena.allocate(30);
            int str_len = 0;
            int read_len = 0;
            MemorySegment line = arena.allocate(30);

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

            // The delay: nothing is read from the socket until the user presses Enter.
            read_len = read(sock, message, sizeof(message) - 1);   // once
            System.out.print("Press Enter to read: ");
            System.out.flush();
            fgets(line, (int) sizeof(line), posix_h.stdin());
            if (read_len == -1)
                error_handling("read() error!");
            str_len++;

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
