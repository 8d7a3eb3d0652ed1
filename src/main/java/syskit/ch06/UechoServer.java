package syskit.ch06;

import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch06/uecho_server: a UDP echo server. One socket serves every client: recvfrom tells it who
 * sent each datagram, and sendto answers that address. It never exits (stop it with Ctrl-C).
 * Usage: uecho_server &lt;port&gt;
 * C reference: chapters/ch06/c/uecho_server.c; guide: chapters/ch06/README.md.
 */
public final class UechoServer {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int str_len;
            int[] clnt_adr_sz = new int[1];
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);

            serv_sock = socket(PF_INET, SOCK_DGRAM, 0);
            if (serv_sock == -1)
                error_handling("UDP socket creation error");

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");

            while (true) {
                clnt_adr_sz[0] = (int) sizeof(clnt_adr);
                str_len = recvfrom(serv_sock, message, BUF_SIZE, 0, clnt_adr, clnt_adr_sz);
                sendto(serv_sock, message, str_len, 0, clnt_adr, clnt_adr_sz[0]);
            }
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
