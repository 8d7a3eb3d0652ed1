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
import syskit.posix.posix_h;
import syskit.posix.sockaddr_in;

/**
 * ch05/length_prefixed, YOUR answer: three rounds of strings, each sent after its length.
 * The exercise: exercises/ch05/length_prefixed/README.md. Check it: make check EX=ch05/length_prefixed
 * As it stands it sends nothing and reads nothing: fill in the TODOs.
 * The client sends a line typed on stdin as a 4-byte
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
                if (fgets(message, BUF_SIZE, posix_h.stdin()).equals(MemorySegment.NULL))
                    break;
                str_len = (int) strlen(message);
                if (str_len > 0 && message.get(JAVA_BYTE, str_len - 1) == '\n')
                    message.set(JAVA_BYTE, --str_len, (byte) 0);   // the newline is not part of the string

                // TODO 1: send the length str_len as 4 bytes in network byte order (len, htonl), then the
                // str_len bytes of message.

                // TODO 2: receive the reply's 4-byte length into len (all 4 bytes: see read_all), and
                // convert it to host order (ntohl) into str_len.

                // TODO 3: receive the str_len bytes of the reply into message, and make it a C string.

                System.out.println("Message from server: " + str(message));
            }
            close(sock);
            return 0;
        }
    }

    /** Reads exactly n bytes into buf, however many read() calls it takes; fewer only at the end. */
    static int read_all(int sock, MemorySegment buf, int n) {
        int recv_len = 0;
        // TODO 4: call read() until n bytes are in buf (or read() returns 0 or -1); count them in recv_len.
        return recv_len;
    }

    static void error_handling(String message) {
        System.err.println(message);
        exit(1);
    }
}
