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
 * ch06/uecho_con_client: uecho_client over a connected UDP socket. connect() only records the
 * server's address in the socket (no packet is sent); then write and read replace sendto and
 * recvfrom, and the kernel drops datagrams from anyone else and reports an ICMP "port
 * unreachable" as ECONNREFUSED.
 * Usage: uecho_con_client &lt;IP&gt; &lt;port&gt;
 * C reference: chapters/ch06/c/uecho_con_client.c; guide: chapters/ch06/README.md.
 *
 * Unlike the book's C, the end of input quits like q: there fgets fails, the message stays
 * as it was, and the loop sends the last line again forever.
 */
public final class UechoConClient {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len;
            MemorySegment serv_adr = sockaddr_in.allocate(arena);

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

            connect(sock, serv_adr, (int) sizeof(serv_adr));

            while (true) {
                System.out.print("Insert message(q to quit): ");
                System.out.flush();   // C's stdio flushes a terminal's stdout before it reads stdin; Java's must be told
                if (fgets(message, (int) sizeof(message), stdin()).equals(MemorySegment.NULL)
                        || str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;

                write(sock, message, strlen(message));
                str_len = read(sock, message, sizeof(message) - 1);
                if (str_len == -1)   // not in the book, whose message[str_len] = 0 would write message[-1]
                    error_handling("read() error");   // no server: "Connection refused"
                message.set(JAVA_BYTE, str_len, (byte) 0);
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
