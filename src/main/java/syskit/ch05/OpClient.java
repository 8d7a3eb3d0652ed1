package syskit.ch05;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch05/op_client: the calculator client. Asks for the operand count, the operands and the
 * operator, sends them as ONE message of opnd_cnt*4+2 bytes (1-byte count, 4-byte ints in
 * host byte order, 1-byte operator) and prints the 4-byte result: 12 24 36 + gives 72.
 * Usage: op_client &lt;IP&gt; &lt;port&gt;   (server: ch05/op_server)
 */
public final class OpClient {
    static final int BUF_SIZE = 1024;
    static final int RLT_SIZE = 4;
    static final int OPSZ = 4;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment opmsg = arena.allocate(BUF_SIZE);
            MemorySegment result = arena.allocate(JAVA_INT);
            int opnd_cnt, i;
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

            System.out.print("Operand count: ");
            opnd_cnt = scanf_d(0);
            opmsg.set(JAVA_BYTE, 0, (byte) opnd_cnt);

            for (i = 0; i < opnd_cnt; i++) {
                System.out.print("Operand " + (i + 1) + ": ");
                // scanf("%d", (int *)&opmsg[i * OPSZ + 1]): an int stored at an odd address
                opmsg.set(JAVA_INT_UNALIGNED, i * OPSZ + 1, scanf_d(opmsg.get(JAVA_INT_UNALIGNED, i * OPSZ + 1)));
            }
            fgetc();
            System.out.print("Operator: ");
            int op = fgetc();   // scanf("%c", ...): at the end of input it stores nothing
            if (op != -1)
                opmsg.set(JAVA_BYTE, opnd_cnt * OPSZ + 1, (byte) op);
            write(sock, opmsg, opnd_cnt * OPSZ + 2);
            read(sock, result, RLT_SIZE);

            System.out.println("Operation result: " + result.get(JAVA_INT, 0) + " ");
            close(sock);
            return 0;
        }
    }

    // C's stdin through scanf and fgetc, which are not bound: the same reading, done in Java.
    private static final PushbackInputStream stdin = new PushbackInputStream(System.in);

    /** fgetc(stdin): the next byte, or -1 at the end of input. */
    static int fgetc() {
        System.out.flush();
        try {
            return stdin.read();
        } catch (IOException e) {
            return -1;
        }
    }

    /** scanf("%d", &amp;var): skips blanks, reads an optional sign and digits; var unchanged if none. */
    static int scanf_d(int var) {
        int c;
        while ((c = fgetc()) != -1 && Character.isWhitespace(c)) { }
        StringBuilder num = new StringBuilder();
        if (c == '-' || c == '+') {
            num.append((char) c);
            c = fgetc();
        }
        while (c >= '0' && c <= '9') {
            num.append((char) c);
            c = fgetc();
        }
        try {
            if (c != -1) stdin.unread(c);
        } catch (IOException e) {
            // one byte of room: never full here
        }
        return num.isEmpty() || num.toString().equals("-") || num.toString().equals("+") ? var : atoi(num.toString());
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
