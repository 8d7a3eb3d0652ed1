package syskit.ch15;

import static syskit.os.GetNum.getPort;
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
import syskit.posix.sockaddr_in;

/**
 * ch15/echo_stdserv: the iterative echo server of chapter 4 (5 clients in turn) with its socket
 * wrapped in two C FILE streams, one to read lines (fgets) and one to write them (fputs, fflush).
 * Usage: echo_stdserv &lt;port&gt;   (client: ch15/echo_stdclnt)
 *
 * The book's loop tests feof before fgets, so at the end of a client's input the failed fgets
 * leaves the last line in message and fputs sends it a second time. The port keeps that flaw.
 */
public final class EchoStdserv {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            int i;

            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];
            MemorySegment readfp;
            MemorySegment writefp;

            if (argv.length != 2) {
                System.out.println("Usage : " + argv[0] + " <port>");
                exit(1);
            }
            getPort(argv[1]);

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
            for (i = 0; i < 5; i++) {
                clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);
                if (clnt_sock == -1)
                    error_handling("accept() error");
                else
                    System.out.printf("Connect client %d \n", i + 1);
                System.out.flush();

                readfp = fdopen(clnt_sock, "r");
                writefp = fdopen(clnt_sock, "w");
                while (feof(readfp) == 0) {
                    fgets(message, BUF_SIZE, readfp);   // at the end of input: NULL, message unchanged
                    fputs(message, writefp);            // ... so the last line goes out twice
                    fflush(writefp);
                }

                fclose(readfp);
                fclose(writefp);   // the descriptor is already closed: this close fails with EBADF, as in C
            }
            close(serv_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book prints the message alone; the kit adds errno's reason
        exit(1);
    }
}
