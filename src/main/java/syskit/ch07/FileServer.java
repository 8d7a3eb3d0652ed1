package syskit.ch07;

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
 * ch07/file_server: half-close. It sends a file in 30-byte pieces, then shutdown(SHUT_WR): the
 * client's read returns 0 (end of file), yet this side can still read, and prints the
 * client's answer, {@code Thank you}. One client, then it exits.
 * Usage: file_server &lt;port&gt; [file] (the kit's C reference chapters/ch07/c/file_server.c by default)
 * C reference: chapters/ch07/c/file_server.c; guide: chapters/ch07/README.md.
 *
 * The book sends "file_server.c" from the working directory and never checks fopen: without
 * that file it crashes in fread. Here the file can be named, and a missing one is one line.
 */
public final class FileServer {
    static final int BUF_SIZE = 30;
    static final String FILE = "chapters/ch07/c/file_server.c";

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sd, clnt_sd;
            MemorySegment fp;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            int read_cnt;
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];

            if (argv.length != 2 && argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <port> [file]");
                exit(1);
            }
            getPort(argv[1]);
            String file = argv.length == 3 ? argv[2] : FILE;
            fp = fopen(file, "rb");
            if (fp.equals(MemorySegment.NULL))
                error_handling("fopen() error: " + file);
            serv_sd = socket(PF_INET, SOCK_STREAM, 0);

            memset0(serv_adr);
            sockaddr_in.sin_family(serv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
            sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));

            if (bind(serv_sd, serv_adr, (int) sizeof(serv_adr)) == -1)   // unchecked in the book
                error_handling("bind() error");
            listen(serv_sd, 5);

            clnt_adr_sz[0] = (int) sizeof(clnt_adr);
            clnt_sd = accept(serv_sd, clnt_adr, clnt_adr_sz);

            while (true) {
                read_cnt = (int) fread(buf, 1, BUF_SIZE, fp);
                if (read_cnt < BUF_SIZE) {
                    write(clnt_sd, buf, read_cnt);
                    break;
                }
                write(clnt_sd, buf, BUF_SIZE);
            }

            shutdown(clnt_sd, SHUT_WR);
            read(clnt_sd, buf, BUF_SIZE);
            System.out.println("Message from client: " + str(buf) + " ");

            fclose(fp);
            close(clnt_sd);
            close(serv_sd);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
