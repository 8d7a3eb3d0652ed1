// WRONG ANSWER, kept to prove the checks catch it (make test; chapters/README.md).
// Sends BUF_SIZE bytes per piece, whatever read() returned: the client gets more bytes than
// the file has.
// fails: anExistingFileIsSentWhole "more bytes than the file"
package syskit.ch05;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Fcntl.*;
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
 * ch05/file_request, the reference answer of the exercise (chapter 5, quiz 6): an iterative file
 * server. Each client sends a file name ended by a newline; the server sends that file (from its
 * working directory) and closes the connection, or, when there is no such file, closes the
 * connection at once without sending anything. Then it serves the next client.
 * Usage: file_request &lt;port&gt;   (try it: printf 'data.txt\n' | nc 127.0.0.1 &lt;port&gt;)
 */
public final class FileRequest {
    static final int BUF_SIZE = 1024;
    static final int NAME_SIZE = 100;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int serv_sock, clnt_sock, fd;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment name = arena.allocate(NAME_SIZE);
            MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
            int[] clnt_adr_sz = new int[1];
            int name_len, read_cnt;

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
            if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
                error_handling("bind() error");
            if (listen(serv_sock, 5) == -1)
                error_handling("listen() error");

            while (true) {
                clnt_adr_sz[0] = (int) sizeof(clnt_adr);
                clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_sz);
                if (clnt_sock == -1)
                    continue;

                // The name: one byte per read() up to the newline, however the client's writes were cut.
                name_len = 0;
                while (name_len < NAME_SIZE - 1 && read(clnt_sock, name.asSlice(name_len), 1) == 1
                        && name.get(JAVA_BYTE, name_len) != '\n')
                    name_len++;
                name.set(JAVA_BYTE, name_len, (byte) 0);   // the newline becomes the NUL that ends the name

                fd = open(str(name), O_RDONLY);
                if (fd == -1) {   // no such file: hang up
                    close(clnt_sock);
                    continue;
                }
                while ((read_cnt = read(fd, buf, BUF_SIZE)) > 0)
                    write(clnt_sock, buf, BUF_SIZE);
                close(fd);
                close(clnt_sock);
            }
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);   // the book's message and, as perror(3) prints it, the reason
        exit(1);
    }
}
