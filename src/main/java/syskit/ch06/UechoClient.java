package syskit.ch06;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch06/uecho_client: the UDP echo client. Its socket is never connected: each sendto names the
 * server's address, and the first one makes the kernel give the socket a port of its own.
 * Usage: uecho_client &lt;IP&gt; &lt;port&gt;
 * C reference: chapters/ch06/c/uecho_client.c; guide: chapters/ch06/README.md.
 *
 * Unlike the book's C, the end of input quits like q: there fgets fails, the message stays
 * as it was, and the loop sends the last line again forever.
 */
public final class UechoClient {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len;
            int[] adr_sz = new int[1];
            MemorySegment serv_adr = sockaddr_in.allocate(arena), from_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);

            sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (sock == -1)
                error_handling("socket() error");

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[2])));

            while (true) {
                System.out.print("Insert message(q to quit): ");
                System.out.flush();   // C's stdio flushes a terminal's stdout before it reads stdin; Java's must be told
                if (fgets(message, (int) sizeof(message), stdin()).equals(MemorySegment.NULL)
                        || str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;

                sendto(sock, message, strlen(message), 0, serv_adr, (int) sizeof(serv_adr));
                adr_sz[0] = (int) sizeof(from_adr);
                str_len = recvfrom(sock, message, BUF_SIZE, 0, from_adr, adr_sz);
                if (str_len == -1)   // not in the book, whose message[str_len] = 0 would write message[-1]
                    error_handling("recvfrom() error");
                message.set(JAVA_BYTE, Math.min(str_len, BUF_SIZE - 1), (byte) 0);   // message[str_len] = 0, kept inside the array
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
