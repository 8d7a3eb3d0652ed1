// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// The client sends the whole buffer, BUF_SIZE bytes, as the book's own answer to this quiz
// does: the datagram carries the line, its NUL, and whatever the buffer held after it.
// fails: theClientSendsEachLineAndPrintsEachAnswer "Send strlen(message) bytes"
package syskit.ch06;

import static syskit.os.GetNum.getAddress;
import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.posix_h;
import syskit.posix.sockaddr_in;

/**
 * ch06/uchar, the exercise of chapter 6, quiz 7 (exercises/ch06/uchar/README.md): a UDP server
 * and client that take turns, one line each. The client sends first; the server prints the
 * line, then answers with a line of its own, to the address recvfrom gave it. q alone on a
 * line (or the end of input) ends the side that typed it.
 * Usage: uchar server &lt;port&gt; | uchar client &lt;IP&gt; &lt;port&gt;
 * This is the kit's reference answer.
 */
public final class Uchar {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        if (argv.length == 3 && argv[1].equals("server")) {
            getPort(argv[2]);
            return server(argv[2]);
        }
        if (argv.length == 4 && argv[1].equals("client")) {
            getAddress(argv[2]);
            getPort(argv[3]);
            return client(argv[2], argv[3]);
        }
        System.out.println("Usage : " + argv[0] + " server <port> | " + argv[0] + " client <IP> <port>");
        exit(1);
        return 1;
    }

    static int server(String port) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len;
            int[] clnt_adr_sz = new int[1];
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            serv_sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (serv_sock == -1)
                error_handling("socket() error");
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(port)));
            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");

            while (true) {
                clnt_adr_sz[0] = (int) sizeof(clnt_adr);
                str_len = recvfrom(serv_sock, message, BUF_SIZE - 1, 0, clnt_adr, clnt_adr_sz);   // learns who sent it
                if (str_len == -1)
                    error_handling("recvfrom() error");
                message.set(JAVA_BYTE, str_len, (byte) 0);
                System.out.print("Message from client: " + str(message));

                System.out.print("Insert message(q to quit): ");
                System.out.flush();
                if (fgets(message, BUF_SIZE, posix_h.stdin()).equals(MemorySegment.NULL)
                        || str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;
                sendto(serv_sock, message, strlen(message), 0, clnt_adr, clnt_adr_sz[0]);   // answers that sender
            }
            close(serv_sock);
            return 0;
        }
    }

    static int client(String ip, String port) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len;
            int[] adr_sz = new int[1];
            MemorySegment serv_adr = sockaddr_in.allocate(arena), from_adr = sockaddr_in.allocate(arena);

            sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (sock == -1)
                error_handling("socket() error");
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(ip));
            sockaddr_in.sin_port(serv_adr, htons(atoi(port)));

            while (true) {
                System.out.print("Insert message(q to quit): ");
                System.out.flush();
                if (fgets(message, BUF_SIZE, posix_h.stdin()).equals(MemorySegment.NULL)
                        || str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;
                sendto(sock, message, BUF_SIZE, 0, serv_adr, (int) sizeof(serv_adr));   // the whole buffer

                adr_sz[0] = (int) sizeof(from_adr);
                str_len = recvfrom(sock, message, BUF_SIZE - 1, 0, from_adr, adr_sz);
                if (str_len == -1)
                    error_handling("recvfrom() error");
                message.set(JAVA_BYTE, str_len, (byte) 0);   // ends the string: the buffer still holds the last line
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
