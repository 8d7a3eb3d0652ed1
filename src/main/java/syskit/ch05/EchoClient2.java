package syskit.ch05;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch05/echo_client2: ch04/echo_client fixed. It knows how many bytes it sent, so it calls
 * read() until that many came back, however the server (or TCP) cut them up.
 * Usage: echo_client2 &lt;IP&gt; &lt;port&gt;   (server: ch04/echo_server)
 */
public final class EchoClient2 {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len, recv_len, recv_cnt;
            MemorySegment serv_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);   // not in the book, nor the port check
            getPort(argv[2]);

            sock = socket(PF_INET, SOCK_STREAM, 0);
            if (sock == -1)
                error_handling("socket() error");

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[2])));

            if (connect(sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("connect() error!");
            else
                System.out.println("Connected...........");

            while (true) {
                System.out.print("Input message(Q to quit): ");
                System.out.flush();
                // C's fgets on C's stdin. At the end of input the book's loop resends the last
                // line forever (fgets leaves message as it was); the port quits as on Q.
                if (fgets(message, BUF_SIZE, stdin()).equals(MemorySegment.NULL))
                    break;
                if (str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;

                str_len = write(sock, message, strlen(message));

                recv_len = 0;
                while (recv_len < str_len) {
                    // The book asks for BUF_SIZE - 1 bytes at &message[recv_len], more than is left
                    // there; the kit refuses such a count, so the port asks for what fits.
                    recv_cnt = read(sock, message.asSlice(recv_len), BUF_SIZE - 1 - recv_len);
                    if (recv_cnt == -1)
                        error_handling("read() error");
                    recv_len += recv_cnt;
                }
                message.set(JAVA_BYTE, recv_len, (byte) 0);
                System.out.print("Message from server: " + str(message));
            }
            close(sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
