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
 * ch05/op_server_fixed: ch05/op_server that notices a client leaving early. When read() returns
 * 0 (or -1) before the request is complete, it closes that connection, says so, and goes on
 * to the next client instead of spinning. Everything else is op_server.
 *
 * (op_server:) The calculator server. Its protocol, per client: a 1-byte operand count,
 * that many 4-byte ints (host byte order), a 1-byte operator (+ - *); the answer is one 4-byte
 * int. Five clients in turn, then it ends.
 * Usage: op_server_fixed &lt;port&gt;   (client: ch05/op_client)
 */
public final class OpServerFixed {
    static final int BUF_SIZE = 1024;
    static final int OPSZ = 4;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment opinfo = arena.allocate(BUF_SIZE);
            MemorySegment result = arena.allocate(JAVA_INT);   // int result, written as its 4 bytes
            MemorySegment opnd_cnt = arena.allocate(JAVA_INT); // int opnd_cnt, read into its first byte
            int recv_cnt, recv_len;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);   // not in the book: atoi("abc") would be port 0

            serv_sock = socket(PF_INET, SOCK_STREAM, 0);
            if (serv_sock == -1)
                error_handling("socket() error");

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");
            clnt_adr_sz[0] = (int) sizeof(clnt_adr);

            for (int i = 0; i < 5; i++) {
                opnd_cnt.set(JAVA_INT, 0, 0);
                clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);
                if (read(clnt_sock, opnd_cnt, 1) != 1) {   // fixed: gone before the count
                    left_early(clnt_sock, i);
                    continue;
                }

                recv_len = 0;
                while ((opnd_cnt.get(JAVA_INT, 0) * OPSZ + 1) > recv_len) {
                    recv_cnt = read(clnt_sock, opinfo.asSlice(recv_len), BUF_SIZE - 1 - recv_len);
                    if (recv_cnt <= 0)   // fixed: 0 is the end of the connection, -1 an error
                        break;
                    recv_len += recv_cnt;
                }
                if ((opnd_cnt.get(JAVA_INT, 0) * OPSZ + 1) > recv_len) {
                    left_early(clnt_sock, i);
                    continue;
                }
                result.set(JAVA_INT, 0, calculate(opnd_cnt.get(JAVA_INT, 0), opinfo, opinfo.get(JAVA_BYTE, recv_len - 1)));
                write(clnt_sock, result, sizeof(result));
                close(clnt_sock);
            }
            close(serv_sock);
            return 0;
        }
    }

    static void left_early(int clnt_sock, int i) {
        System.out.println("client " + (i + 1) + " left before its request was complete");
        close(clnt_sock);
    }

    /** opnds is C's {@code int opnds[]}: opinfo read as ints in host byte order. */
    static int calculate(int opnum, MemorySegment opnds, byte op) {
        int result = opnds.getAtIndex(JAVA_INT, 0), i;
        switch (op) {
            case '+':
                for (i = 1; i < opnum; i++) result += opnds.getAtIndex(JAVA_INT, i);
                break;
            case '-':
                for (i = 1; i < opnum; i++) result -= opnds.getAtIndex(JAVA_INT, i);
                break;
            case '*':
                for (i = 1; i < opnum; i++) result *= opnds.getAtIndex(JAVA_INT, i);
                break;
        }
        return result;
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
