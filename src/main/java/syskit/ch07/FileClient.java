package syskit.ch07;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;
import static syskit.os.CString.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch07/file_client: reads until the server's half-close (read returns 0), writes what came
 * into receive.dat in the working directory, then answers {@code Thank you} (10 bytes, with
 * the NUL) on the same connection: the server closed only its sending side.
 * Usage: file_client &lt;IP&gt; &lt;port&gt;
 * C reference: chapters/ch07/c/file_client.c; guide: chapters/ch07/README.md.
 */
public final class FileClient {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sd;
            MemorySegment fp;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int read_cnt;
            MemorySegment serv_adr = sockaddr_in.allocate(arena);

            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);

            fp = fopen("receive.dat", "wb");
            if (fp.equals(MemorySegment.NULL))   // unchecked in the book
                error_handling("fopen() error: receive.dat");
            sd = socket(PF_INET, SOCK_STREAM, 0);

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[2])));

            if (connect(sd, serv_adr, (int) sizeof(serv_adr)) == -1)   // unchecked in the book, whose read then fails forever
                error_handling("connect() error");

            while ((read_cnt = read(sd, buf, BUF_SIZE)) > 0)   // the book's != 0 would loop forever on -1
                fwrite(buf, 1, read_cnt, fp);
            if (read_cnt == -1)   // not in the book: a reset is no end of file, and the file is not whole
                error_handling("read() error");

            System.out.println("Received file data");
            write(sd, arena.allocateFrom("Thank you"), 10);
            fclose(fp);
            close(sd);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
