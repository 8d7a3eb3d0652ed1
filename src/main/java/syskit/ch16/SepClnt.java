package syskit.ch16;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch16/sep_clnt: prints the server's lines until end of file, then replies
 * {@code FROM CLIENT: Thank you}. Whether the reply arrives depends on how the server ended its
 * side: ch16/sep_serv (it does not) or ch16/sep_serv2 (it does).
 * Usage: sep_clnt &lt;IP&gt; &lt;port&gt;
 */
public final class SepClnt {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment serv_addr = sockaddr_in.allocate(arena);

            MemorySegment readfp;
            MemorySegment writefp;

            // Not in the book (it checks nothing): the usage line and the connect error.
            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);
            sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(serv_addr);
            sockaddr_in.sin_family(serv_addr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_addr, htons(atoi(argv[2])));

            if (connect(sock, serv_addr, (int) sizeof(serv_addr)) == -1) {
                Errno.perror("connect() error");
                exit(1);
            }
            readfp = fdopen(sock, "r");
            writefp = fdopen(sock, "w");

            while (true) {
                if (fgets(buf, (int) sizeof(buf), readfp).equals(MemorySegment.NULL))
                    break;
                System.out.print(str(buf));
                System.out.flush();
            }

            fputs("FROM CLIENT: Thank you \n", writefp);
            fflush(writefp);
            fclose(writefp);
            fclose(readfp);
            return 0;
        }
    }
}
