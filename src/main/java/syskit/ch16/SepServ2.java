package syskit.ch16;

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
 * ch16/sep_serv2: sep_serv done right. The write stream gets its own descriptor (dup), and
 * shutdown(SHUT_WR) on it sends the end of file while the read side stays open; fclose then
 * closes only the copy. The client's reply arrives and is printed.
 * Usage: sep_serv2 &lt;port&gt;   (client: ch16/sep_clnt)
 */
public final class SepServ2 {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock;
            MemorySegment readfp;
            MemorySegment writefp;

            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];
            MemorySegment buf = arena.allocate(BUF_SIZE);   // zeroed, as the book's = {0,}

            // Not in the book (it checks nothing): the usage line and the bind error.
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
            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1) {
                Errno.perror("bind() error");
                exit(1);
            }
            listen(serv_sock, 5);
            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);

            readfp = fdopen(clnt_sock, "r");
            writefp = fdopen(dup(clnt_sock), "w");   // a second descriptor for the same socket

            fputs("FROM SERVER: Hi~ client? \n", writefp);
            fputs("I love all of the world \n", writefp);
            fputs("You are awesome! \n", writefp);
            fflush(writefp);

            shutdown(fileno(writefp), SHUT_WR);   // half-close: EOF to the client, reading stays possible
            fclose(writefp);                      // closes only the dup'ed descriptor

            fgets(buf, BUF_SIZE, readfp);
            System.out.print(str(buf));
            fclose(readfp);
            return 0;
        }
    }
}
