package syskit.ch05;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
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
 * ch05/length_prefixed_server: the peer of the exercise ch05/length_prefixed. Accepts one
 * client; three times it reads a 4-byte length (network byte order) and that many bytes,
 * prints "Message from client: ..." and answers, the same way, "got N bytes".
 * Usage: length_prefixed_server &lt;port&gt;
 */
public final class LengthPrefixedServer {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            MemorySegment len = arena.allocate(JAVA_INT);
            int str_len;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = {(int) sizeof(clnt_adr)};

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);
            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));
            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");
            clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);

            for (int i = 0; i < 3; i++) {
                if (LengthPrefixed.read_all(clnt_sock, len, 4) < 4)
                    break;
                str_len = ntohl(len.get(JAVA_INT, 0));
                if (str_len < 0 || str_len > BUF_SIZE - 1 || LengthPrefixed.read_all(clnt_sock, message, str_len) < str_len)
                    break;
                message.set(JAVA_BYTE, str_len, (byte) 0);
                System.out.println("Message from client: " + str(message));

                MemorySegment reply = arena.allocateFrom("got " + str_len + " bytes");
                len.set(JAVA_INT, 0, htonl((int) strlen(reply)));
                write(clnt_sock, len, 4);
                write(clnt_sock, reply, strlen(reply));
            }
            close(clnt_sock);
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
