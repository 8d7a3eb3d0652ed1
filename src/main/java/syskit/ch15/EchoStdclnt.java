package syskit.ch15;

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
 * ch15/echo_stdclnt (the book's echo_client.c of chapter 15): the echo client over two FILE
 * streams on its socket; one fgets reads the whole echoed line, however TCP cut it.
 * Usage: echo_stdclnt &lt;IP&gt; &lt;port&gt;   (server: ch15/echo_stdserv)
 *
 * Where the book's C goes wrong, this port does not follow it: at the end of input its fgets
 * leaves the last line in message and the loop sends it for ever; here the end of input quits
 * like q (the kit's C reference does the same).
 */
public final class EchoStdclnt {
    static final int BUF_SIZE = 1024;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment message = arena.allocate(BUF_SIZE);
            MemorySegment serv_adr = sockaddr_in.allocate(arena);
            MemorySegment readfp;
            MemorySegment writefp;
            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
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
            readfp = fdopen(sock, "r");
            writefp = fdopen(sock, "w");
            while (true) {
                System.out.print("Input message(Q to quit): ");
                System.out.flush();   // C's stdin read flushes a terminal's stdout the same way
                if (fgets(message, BUF_SIZE, stdin()) == NULL)
                    break;   // not in the book: the end of input quits like q

                if (str(message).equals("q\n") || str(message).equals("Q\n"))
                    break;

                fputs(message, writefp);
                fflush(writefp);
                fgets(message, BUF_SIZE, readfp);
                System.out.print("Message from server: " + str(message));
            }
            fclose(writefp);
            fclose(readfp);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book prints the message alone; the kit adds errno's reason
        exit(1);
    }
}
