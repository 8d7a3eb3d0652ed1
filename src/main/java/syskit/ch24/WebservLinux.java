package syskit.ch24;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch24/webserv_linux: an HTTP/1.0 server, one detached thread per connection. It reads the
 * request line with fgets on an fdopen'ed stream, cuts it with strtok, and sends the named file
 * from the working directory with fputs on a second stream over a dup of the socket.
 * Usage: webserv_linux &lt;port&gt;   then e.g. http://127.0.0.1:&lt;port&gt;/index.html
 *
 * The book's flaws are kept (chapters/ch24/README.md; WebservLinuxTest shows them): "GET /"
 * leaves strtok with no file name and strcpy reads through NULL (SIGSEGV); a missing file gets
 * a 400 header and the connection is never closed; every answer says Content-length:2048
 * whatever the file's size; the 400 answer has no body; the file is never fclose'd; strtok
 * keeps its place in one static variable that all threads share; a path of more than 29 bytes
 * overflows file_name; each thread reads its descriptor through a pointer to main's clnt_sock.
 */
public final class WebservLinux {
    static final int BUF_SIZE = 1024;
    static final int SMALL_BUF = 100;

    public static int main(String[] argv) {
        Arena arena = Arena.ofShared();   // clnt_sock is read by the request threads
        int serv_sock;
        MemorySegment clnt_sock = arena.allocate(JAVA_INT);
        MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
        int[] clnt_adr_size = new int[1];
        long[] t_id = new long[1];
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
        if (listen(serv_sock, 20) == -1)
            error_handling("listen() error");

        while (true) {
            clnt_adr_size[0] = (int) sizeof(clnt_adr);
            clnt_sock.set(JAVA_INT, 0, accept(serv_sock, clnt_adr, clnt_adr_size));
            System.out.println("Connection Request : " + inet_ntoa(sockaddr_in.sin_addr(clnt_adr)) + ":"
                    + ntohs(sockaddr_in.sin_port(clnt_adr)));
            pthread_create(t_id, MemorySegment.NULL, WebservLinux::request_handler, clnt_sock);
            pthread_detach(t_id[0]);
        }
    }

    static MemorySegment request_handler(MemorySegment arg) {
        int clnt_sock = arg.get(JAVA_INT, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req_line = arena.allocate(SMALL_BUF);
            MemorySegment clnt_read;
            MemorySegment clnt_write;

            MemorySegment method = arena.allocate(10);
            MemorySegment ct = arena.allocate(15);
            MemorySegment file_name = arena.allocate(30);

            clnt_read = fdopen(clnt_sock, "r");
            clnt_write = fdopen(dup(clnt_sock), "w");
            fgets(req_line, SMALL_BUF, clnt_read);
            if (!str(req_line).contains("HTTP/")) {
                send_error(clnt_write);
                fclose(clnt_read);
                fclose(clnt_write);
                return MemorySegment.NULL;
            }
            MemorySegment delim = arena.allocateFrom(" /");
            strcpy(method, syskit.os.CString.strtok(req_line, delim));
            strcpy(file_name, syskit.os.CString.strtok(MemorySegment.NULL, delim));
            strcpy(ct, content_type(file_name));
            if (!str(method).equals("GET")) {
                send_error(clnt_write);
                fclose(clnt_read);
                fclose(clnt_write);
                return MemorySegment.NULL;
            }
            fclose(clnt_read);
            send_data(clnt_write, ct, file_name);
            return MemorySegment.NULL;
        }
    }

    static void send_data(MemorySegment fp, MemorySegment ct, MemorySegment file_name) {
        String protocol = "HTTP/1.0 200 OK\r\n";
        String server = "Server:Linux Web Server \r\n";
        String cnt_len = "Content-length:2048\r\n";
        String cnt_type;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment send_file;

            cnt_type = "Content-type:" + str(ct) + "\r\n\r\n";
            send_file = fopen(str(file_name), "r");
            if (send_file.equals(MemorySegment.NULL)) {
                send_error(fp);
                return;
            }

            fputs(protocol, fp);
            fputs(server, fp);
            fputs(cnt_len, fp);
            fputs(cnt_type, fp);

            while (!fgets(buf, BUF_SIZE, send_file).equals(MemorySegment.NULL)) {
                fputs(buf, fp);
                fflush(fp);
            }
            fflush(fp);
            fclose(fp);
        }
    }

    /** Returns a C string: "text/html" or "text/plain". */
    static MemorySegment content_type(MemorySegment file) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment extension = arena.allocate(SMALL_BUF);
            MemorySegment file_name = arena.allocate(SMALL_BUF);
            MemorySegment dot = arena.allocateFrom(".");
            strcpy(file_name, file);
            syskit.os.CString.strtok(file_name, dot);
            strcpy(extension, syskit.os.CString.strtok(MemorySegment.NULL, dot));

            if (str(extension).equals("html") || str(extension).equals("htm"))
                return TEXT_HTML;
            else
                return TEXT_PLAIN;
        }
    }

    static final MemorySegment TEXT_HTML = Arena.global().allocateFrom("text/html");
    static final MemorySegment TEXT_PLAIN = Arena.global().allocateFrom("text/plain");

    static void send_error(MemorySegment fp) {
        String protocol = "HTTP/1.0 400 Bad Request\r\n";
        String server = "Server:Linux Web Server \r\n";
        String cnt_len = "Content-length:2048\r\n";
        String cnt_type = "Content-type:text/html\r\n\r\n";
        // The listing builds an HTML body too, and never sends it.
        fputs(protocol, fp);
        fputs(server, fp);
        fputs(cnt_len, fp);
        fputs(cnt_type, fp);
        fflush(fp);
    }

    static int dup(int oldfd) {
        return syskit.os.Unistd.dup(oldfd);
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
