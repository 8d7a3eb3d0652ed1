package syskit.ch24;

import static syskit.os.GetNum.getPort;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Signal.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch24/webserv_linux_fixed: webserv_linux corrected, same structure (a detached thread per
 * connection, fdopen'ed read and write streams over the socket and its dup).
 * <ul>
 * <li>The request line is parsed without strtok (whose hidden state all threads share): it must be
 *     METHOD SP /PATH SP HTTP/x.y, else 400 Bad Request.</li>
 * <li>It serves only the folder it was started in, however a path is spelled: the path is
 *     percent-decoded (a malformed escape is 400, a NUL byte 403), joined to that folder, and its
 *     real path (realpath(3): symbolic links, "." and ".." resolved) must be the folder or inside
 *     it, else 403 Forbidden. A symbolic link inside the folder that points out of it is refused
 *     so. "/" means /index.html; a file that does not exist or cannot be read is 404 Not Found; a
 *     request line longer than the book's SMALL_BUF is 414 URI Too Long; a method other than GET
 *     is 501 Not Implemented.</li>
 * <li>Every answer has a body, the body's true Content-length and Connection: close, and every
 *     answer ends by closing the connection; the file is closed too.</li>
 * <li>The request's header lines are read before answering, so that closing never meets unread
 *     bytes (which would make the kernel reset the connection and could cut the answer short).</li>
 * <li>The descriptor travels by value; the listen queue is SOMAXCONN long; SIGPIPE is ignored, so a
 *     browser that hangs up early costs one failed write, not the server.</li>
 * </ul>
 * Usage: webserv_linux_fixed &lt;port&gt;
 */
public final class WebservLinuxFixed {
    static final int BUF_SIZE = 1024;
    static final int SMALL_BUF = 100;
    /** The served folder's real path, found once at the start: every file served is under it. */
    static String served_dir;

    public static int main(String[] argv) {
        Arena arena = Arena.ofConfined();
        int serv_sock, clnt_sock;
        MemorySegment serv_adr = sockaddr_in.allocate(arena), clnt_adr = sockaddr_in.allocate(arena);
        int[] clnt_adr_size = new int[1];
        long[] t_id = new long[1];
        if (argv.length != 2) {
            System.out.println("Usage : " + argv[0] + " <port>");
            exit(1);
        }
        getPort(argv[1]);

        served_dir = realpath(".");
        if (served_dir == null)
            error_handling("realpath() error");
        signal(SIGPIPE, SIG_IGN);
        serv_sock = socket(PF_INET, SOCK_STREAM, 0);
        memset0(serv_adr);
        sockaddr_in.sin_family(serv_adr, (short) AF_INET);
        in_addr.s_addr(sockaddr_in.sin_addr(serv_adr), htonl(INADDR_ANY));
        sockaddr_in.sin_port(serv_adr, htons(atoi(argv[1])));
        if (bind(serv_sock, serv_adr, (int) sizeof(serv_adr)) == -1)
            error_handling("bind() error");
        if (listen(serv_sock, SOMAXCONN) == -1)
            error_handling("listen() error");

        while (true) {
            clnt_adr_size[0] = (int) sizeof(clnt_adr);
            clnt_sock = accept(serv_sock, clnt_adr, clnt_adr_size);
            if (clnt_sock == -1)
                continue;
            System.out.println("Connection Request : " + inet_ntoa(sockaddr_in.sin_addr(clnt_adr)) + ":"
                    + ntohs(sockaddr_in.sin_port(clnt_adr)));
            if (pthread_create(t_id, MemorySegment.NULL, WebservLinuxFixed::request_handler, MemorySegment.ofAddress(clnt_sock)) != 0) {
                syskit.os.Unistd.close(clnt_sock);
                continue;
            }
            pthread_detach(t_id[0]);
        }
    }

    static MemorySegment request_handler(MemorySegment arg) {
        int clnt_sock = (int) arg.address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req_line = arena.allocate(SMALL_BUF);
            MemorySegment header = arena.allocate(BUF_SIZE);
            MemorySegment clnt_read = fdopen(clnt_sock, "r");
            MemorySegment clnt_write = fdopen(syskit.os.Unistd.dup(clnt_sock), "w");

            boolean got = !fgets(req_line, SMALL_BUF, clnt_read).equals(MemorySegment.NULL);
            // the header lines, up to the empty line that ends them (or the end of the input)
            boolean whole = got && str(req_line).endsWith("\n");
            boolean too_long = got && !whole && strlen(req_line) == SMALL_BUF - 1;
            while (whole && !fgets(header, BUF_SIZE, clnt_read).equals(MemorySegment.NULL)) {
                String h = str(header);
                if (h.equals("\r\n") || h.equals("\n")) break;
            }

            String[] part = got ? str(req_line).stripTrailing().split(" ", -1) : new String[0];
            byte[] path = part.length == 3 ? url_decode(part[1]) : null;
            if (too_long) {
                send_answer(clnt_write, "414 URI Too Long", "text/html", page("414 URI Too Long", "The request line is longer than " + (SMALL_BUF - 2) + " bytes."));
            } else if (!whole || part.length != 3 || path == null || !part[2].matches("HTTP/\\d\\.\\d") || !part[1].startsWith("/")) {
                send_answer(clnt_write, "400 Bad Request", "text/html", page("400 Bad Request", "The request line could not be parsed."));
            } else if (!part[0].equals("GET")) {
                send_answer(clnt_write, "501 Not Implemented", "text/html", page("501 Not Implemented", "Only GET is served."));
            } else {
                String file_name = served_file(path);
                if (file_name == null)
                    send_answer(clnt_write, "404 Not Found", "text/html", page("404 Not Found", "No such file."));
                else if (file_name.isEmpty())
                    send_answer(clnt_write, "403 Forbidden", "text/html", page("403 Forbidden", "A path may not leave the served directory."));
                else
                    send_data(clnt_write, content_type(file_name), file_name);
            }
            fclose(clnt_read);
            fclose(clnt_write);
            return MemorySegment.NULL;
        }
    }

    /**
     * The real path of the file a decoded request path names inside the served folder; null
     * when it does not exist; "" when it is outside the folder (as written, or once its links are
     * resolved) or the path holds a NUL byte.
     */
    static String served_file(byte[] path) {
        for (byte b : path) if (b == 0) return "";
        String name = new String(path, StandardCharsets.UTF_8);
        if (name.equals("/")) name = "/index.html";
        int depth = 0;   // a path that climbs above the folder is refused as written, before any lookup
        for (String segment : name.split("/")) {
            if (segment.equals("..") && --depth < 0) return "";
            if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) depth++;
        }
        // The file is opened by this resolved name; a link swapped in between the two calls could still
        // redirect it, a race an openat(O_NOFOLLOW) walk would close (the book's calls are kept instead).
        String real = realpath(served_dir + "/" + name);
        if (real == null) return null;
        return real.startsWith(served_dir.equals("/") ? "/" : served_dir + "/") ? real : "";
    }

    /** The request path's bytes with each %XX decoded; null when an escape is not two hex digits. */
    static byte[] url_decode(String path) {
        byte[] in = path.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1, lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (lo < 0) return null;
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toByteArray();
    }

    /** The file, whole, with its true length; 404 when it cannot be opened or read. */
    static void send_data(MemorySegment fp, String ct, String file_name) {
        MemorySegment send_file = fopen(file_name, "r");
        if (send_file.equals(MemorySegment.NULL)) {
            send_answer(fp, "404 Not Found", "text/html", page("404 Not Found", "No such file."));
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean readable = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUF_SIZE);
            long n;
            while ((n = fread(buf, 1, BUF_SIZE, send_file)) > 0)
                body.write(buf.asSlice(0, n).toArray(JAVA_BYTE), 0, (int) n);
            readable = syskit.os.Stdio.ferror(send_file) == 0;   // a directory opens, but does not read
        }
        fclose(send_file);
        if (!readable) send_answer(fp, "404 Not Found", "text/html", page("404 Not Found", "No such file."));
        else send_answer(fp, "200 OK", ct, body.toByteArray());
    }

    static void send_answer(MemorySegment fp, String status, String ct, byte[] body) {
        String head = "HTTP/1.0 " + status + "\r\n"
                + "Server:Linux Web Server \r\n"
                + "Content-length:" + body.length + "\r\n"
                + "Connection: close\r\n"
                + "Content-type:" + ct + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(h.length + body.length + 1);
            MemorySegment.copy(h, 0, out, JAVA_BYTE, 0, h.length);
            MemorySegment.copy(body, 0, out, JAVA_BYTE, h.length, body.length);
            fwrite(out, 1, h.length + body.length, fp);   // fwrite, not fputs: a body may hold a NUL
            fflush(fp);
        }
    }

    static byte[] page(String title, String text) {
        return ("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + text
                + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }

    static String content_type(String file) {
        String extension = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
        if (extension.equals("html") || extension.equals("htm"))
            return "text/html";
        else
            return "text/plain";
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
