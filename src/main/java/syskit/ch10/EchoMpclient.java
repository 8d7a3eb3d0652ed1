package syskit.ch10;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Stdio.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch10/echo_mpclient: an echo client split in two processes after connect(). The child reads
 * lines from stdin and sends them; the parent prints what the server sends back. {@code q} or
 * {@code Q} alone on a line half-closes the connection (shutdown SHUT_WR): the server sees the
 * end, closes, and the parent's read returns 0.
 * Usage: echo_mpclient &lt;IP&gt; &lt;port&gt;
 *
 * The child reads stdin with C's own fgets on C's stdin stream, as the book does (only the
 * child reads stdin, so stdio's read-ahead takes nothing meant for another process).
 * Where the book's C goes wrong, this port does not follow it: at the end of input its fgets
 * loop resends the last line forever, here the end of input quits like q; and a failed read
 * (-1) in read_routine ends the loop instead of writing buf[-1].
 */
public final class EchoMpclient {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            int pid;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment serv_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);

            sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[2])));

            if (connect(sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("connect() error");

            pid = fork();
            if (pid == 0)
                write_routine(sock, buf);
            else
                read_routine(sock, buf);

            close(sock);
            return 0;
        }
    }

    static void read_routine(int sock, MemorySegment buf) {
        while (true) {
            int str_len = read(sock, buf, BUF_SIZE);
            if (str_len <= 0)
                return;

            System.out.print("Message from server: ");
            System.out.write(buf.asSlice(0, str_len).toArray(JAVA_BYTE), 0, str_len);   // the bytes as sent
            System.out.flush();
        }
    }

    static void write_routine(int sock, MemorySegment buf) {
        while (true) {
            if (fgets(buf, BUF_SIZE, stdin()) == NULL || str(buf).equals("q\n") || str(buf).equals("Q\n")) {
                shutdown(sock, SHUT_WR);
                return;
            }
            write(sock, buf, strlen(buf));
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
