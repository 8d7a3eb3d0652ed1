package syskit.ch05;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
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

/**
 * ch05/length_prefixed, the reference answer of the exercise (chapter 5, quiz 5): three rounds
 * of strings, each sent after its length. The client sends a line typed on stdin as a 4-byte
 * length (network byte order) then the line's bytes (no newline, no NUL); the server's reply
 * comes the same way, and is printed as "Message from server: ...".
 * Usage: length_prefixed &lt;IP&gt; &lt;port&gt;   (server: ch05/length_prefixed_server)
 */
public final class LengthPrefixed {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            MemorySegment len = arena.allocate(JAVA_INT);
            int str_len;
            MemorySegment serv_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[2])));
            if (connect(sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("connect() error!");

            for (int i = 0; i < 3; i++) {
                System.out.print("Input message: ");
                System.out.flush();
                if (fgets(message, BUF_SIZE, stdin()).equals(MemorySegment.NULL))
                    break;
                str_len = (int) strlen(message);
                if (str_len > 0 && message.get(JAVA_BYTE, str_len - 1) == '\n')
                    message.set(JAVA_BYTE, --str_len, (byte) 0);   // the newline is not part of the string

                len.set(JAVA_INT, 0, htonl(str_len));
                write(sock, len, 4);
                write(sock, message, str_len);

                if (read_all(sock, len, 4) < 4)   // 4 bytes may come in more than one read
                    error_handling("the server closed the connection");
                str_len = ntohl(len.get(JAVA_INT, 0));
                if (str_len < 0 || str_len > BUF_SIZE - 1)
                    error_handling("reply too long: " + str_len + " bytes");
                if (read_all(sock, message, str_len) < str_len)
                    error_handling("the server closed the connection");
                message.set(JAVA_BYTE, str_len, (byte) 0);   // the reply has no NUL of its own
                System.out.println("Message from server: " + str(message));
            }
            close(sock);
            return 0;
        }
    }

    /** Reads exactly n bytes into buf, however many read() calls it takes; fewer only at the end. */
    static int read_all(int sock, MemorySegment buf, int n) {
        int recv_len = 0, recv_cnt;
        while (recv_len < n) {
            recv_cnt = read(sock, buf.asSlice(recv_len), n - recv_len);
            if (recv_cnt <= 0)
                break;
            recv_len += recv_cnt;
        }
        return recv_len;
    }

    static void error_handling(String message) {
        System.err.println(message);
        exit(1);
    }
}
