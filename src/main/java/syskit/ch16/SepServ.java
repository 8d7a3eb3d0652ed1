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
 * ch16/sep_serv: one socket, two FILE streams: fdopen for reading and fdopen for writing. The
 * server sends three lines, then fclose(writefp) to say it is done writing. But fclose closes
 * the descriptor, and both streams share it: the socket is gone, so the client's reply never
 * arrives, fgets returns NULL and the server prints nothing. ch16/sep_serv2 does it right.
 * Usage: sep_serv &lt;port&gt;   (client: ch16/sep_clnt)
 */
public final class SepServ {
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
            writefp = fdopen(clnt_sock, "w");

            fputs("FROM SERVER: Hi~ client? \n", writefp);
            fputs("I love all of the world \n", writefp);
            fputs("You are awesome! \n", writefp);
            fflush(writefp);

            fclose(writefp);   // closes clnt_sock itself: a full close, not a half-close
            fgets(buf, BUF_SIZE, readfp);
            System.out.print(str(buf));
            fclose(readfp);
            return 0;
        }
    }
}
