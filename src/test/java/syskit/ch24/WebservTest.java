package syskit.ch24;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers.Lang;
import syskit.harness.Chromium;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.harness.Tool;

/**
 * ch24/webserv_linux (Java port and C reference) and ch24/webserv_linux_fixed, serving the kit's
 * chapters/ch24/www (index.html of exactly 2048 bytes, note.txt) from a temporary directory,
 * to curl, to a real headless Chromium, and to raw sockets for the requests a client would
 * never send.
 */
class WebservTest {
    static final Path WWW = Run.ROOT.resolve("chapters/ch24/www");
    static final String HEAD_HTML = "HTTP/1.0 200 OK\r\nServer:Linux Web Server \r\nContent-length:2048\r\nContent-type:text/html\r\n\r\n";
    static final String HEAD_400 = "HTTP/1.0 400 Bad Request\r\nServer:Linux Web Server \r\nContent-length:2048\r\nContent-type:text/html\r\n\r\n";

    @TempDir
    Path dir;
    String index, note;

    @BeforeEach
    void files() throws IOException {
        for (String f : List.of("index.html", "note.txt")) Files.copy(WWW.resolve(f), dir.resolve(f));
        index = Files.readString(dir.resolve("index.html"));
        note = Files.readString(dir.resolve("note.txt"));
        assertThat(index).hasSize(2048);
    }

    Run.Started server(String id, boolean c, int port) {
        Run run = Lang.of(!c).run(id, Integer.toString(port));
        return Tcp.awaitListening(run.dir(dir).timeout(Duration.ofSeconds(120)).start(), port);
    }

    static Result curl(int port, String path) {
        Tool.assumeInstalled("curl", "fetch pages from the web server (apt-get install -y curl)");
        return Run.command("curl", "-s", "-S", "-D", "-", "--max-time", "20", "http://127.0.0.1:" + port + path).run();
    }

    /** Sends the raw request and reads the answer until the server closes, or 1 s of silence (then: "...OPEN"). */
    /** The whole answer, up to the server's close (30 s at most: then what came, and "...OPEN"). */
    static String raw(int port, String request) throws IOException {
        try (Socket s = Tcp.connect(port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(30_000);
            StringBuilder got = new StringBuilder();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = s.getInputStream().read(buf)) >= 0) got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                return got.toString();
            } catch (SocketTimeoutException e) {
                return got + "...OPEN";
            }
        }
    }

    /**
     * An answer of the expected length, then "...OPEN" when the connection is still open a second
     * after it (the book's server never closes it): the wait is for what the server did not do.
     */
    static String rawLeftOpen(int port, String request, int answerLength) throws IOException {
        try (Socket s = Tcp.connect(port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(30_000);
            String got = new String(s.getInputStream().readNBytes(answerLength), StandardCharsets.ISO_8859_1);
            s.setSoTimeout(1000);
            try {
                return s.getInputStream().read() < 0 ? got : got + "...more";
            } catch (SocketTimeoutException e) {
                assertThat(Tcp.state(s.getLocalPort(), port)).isEqualTo(Tcp.ESTABLISHED);
                return got + "...OPEN";
            }
        }
    }

    @Test
    void curlGetsTheHtmlPageAndTheTextFileWithTheListingsHeadersFromJavaAndC() {
        for (boolean c : new boolean[] {false, true}) {
            int port = Tcp.freePort();
            try (Run.Started server = server("ch24/webserv_linux", c, port)) {
                Result html = curl(port, "/index.html");
                assertThat(html.exitStatus()).as(html.toString()).isZero();
                assertThat(html.stdout()).isEqualTo(HEAD_HTML + index);
                // note.txt is shorter than the 2048 bytes announced: curl reports the missing bytes
                Result txt = curl(port, "/note.txt");
                assertThat(txt.stdout()).isEqualTo(HEAD_HTML.replace("text/html", "text/plain") + note);
                assertThat(txt.exitStatus()).isEqualTo(18);
                assertThat(txt.stderr()).contains("transfer closed with " + (2048 - note.length()) + " bytes remaining to read");
                assertThat(server.alive()).isTrue();
            }
        }
    }

    /**
     * The fixed server only: with the listing's own, a browser's parallel connections (a
     * preconnect, /favicon.ico) meet its shared strtok state and its racy &amp;clnt_sock, and a
     * load hangs or the server dies now and then (1 in 3 loads, measured): never a test.
     */
    @Test
    void chromiumRendersThePageServedByTheJavaServer() {
        Chromium.assumeInstalled();
        for (String id : List.of("ch24/webserv_linux_fixed")) {
            int port = Tcp.freePort();
            try (Run.Started server = server(id, false, port)) {
                Result dom = Chromium.dumpDom("http://127.0.0.1:" + port + "/index.html");
                assertThat(dom.stdout()).as("%s: %s", id, dom)
                        .contains("<h1>Served by webserv_linux</h1>")
                        .contains("rendered: the browser parsed this page as text/html and ran its script</p>");
                assertThat(server.stdout()).contains("Connection Request : 127.0.0.1:");
            }
        }
    }

    /** "GET /": strtok finds no file name and strcpy reads through NULL: SIGSEGV, in C and in the port. */
    @Test
    void getSlashAndDotDotCrashTheListing() throws IOException {
        for (boolean c : new boolean[] {false, true}) {
            for (String request : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET /../note.txt HTTP/1.0\r\n\r\n")) {
                int port = Tcp.freePort();
                try (Run.Started server = server("ch24/webserv_linux", c, port)) {
                    raw(port, request);
                    Result r = server.await();
                    assertThat(r.signal()).as("%s server, %s: %s", c ? "C" : "Java", request.lines().findFirst().get(), r).isEqualTo(11);
                }
            }
        }
    }

    /** A missing file gets the 400 header, and the connection is never closed; an unparsable request line gets 400 and a close. */
    @Test
    void aMissingFileLeavesTheConnectionOpen() throws IOException {
        for (boolean c : new boolean[] {false, true}) {
            int port = Tcp.freePort();
            try (Run.Started server = server("ch24/webserv_linux", c, port)) {
                assertThat(rawLeftOpen(port, "GET /missing.html HTTP/1.0\r\n\r\n", HEAD_400.length())).isEqualTo(HEAD_400 + "...OPEN");
                assertThat(raw(port, "hello\r\n\r\n")).isEqualTo(HEAD_400);
                assertThat(raw(port, "POST /index.html HTTP/1.0\r\n\r\n")).isEqualTo(HEAD_400);
                assertThat(server.alive()).isTrue();
            }
        }
    }

    @Test
    void theFixedServerAnswers404400403AndClosesEveryConnection() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = server("ch24/webserv_linux_fixed", false, port)) {
            String slash = raw(port, "GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: test\r\n\r\n");
            assertThat(slash).isEqualTo("HTTP/1.0 200 OK\r\nServer:Linux Web Server \r\nContent-length:2048\r\nConnection: close\r\n"
                    + "Content-type:text/html\r\n\r\n" + index);
            Result txt = curl(port, "/note.txt");
            assertThat(txt.exitStatus()).as(txt.toString()).isZero();
            assertThat(txt.stdout()).endsWith("Content-length:" + note.length() + "\r\nConnection: close\r\nContent-type:text/plain\r\n\r\n" + note);
            Result missing = curl(port, "/missing.html");
            assertThat(missing.exitStatus()).as(missing.toString()).isZero();
            assertThat(missing.stdout()).startsWith("HTTP/1.0 404 Not Found\r\n").contains("Connection: close\r\n");
            assertThat(raw(port, "GET /missing.html HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 404 Not Found\r\n").doesNotContain("...OPEN");
            assertThat(raw(port, "hello\r\n\r\n")).startsWith("HTTP/1.0 400 Bad Request\r\n").doesNotContain("...OPEN");
            assertThat(raw(port, "GET /../note.txt HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 403 Forbidden\r\n");
            assertThat(raw(port, "GET /a/../../etc/passwd HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 403 Forbidden\r\n");
            assertThat(raw(port, "POST /index.html HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 501 Not Implemented\r\n");
            assertThat(server.alive()).isTrue();
        }
    }

    /** 50 clients at once, 20 requests each, one connection per request: every answer complete. */
    @Test
    void theFixedServerHolds50ClientsTimes20Requests() throws Exception {
        int port = Tcp.freePort();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (Run.Started server = server("ch24/webserv_linux_fixed", false, port)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                int me = c;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int r = 0; r < 20; r++) {
                        boolean html = (me + r) % 2 == 0;
                        String answer = raw(port, "GET /" + (html ? "index.html" : "note.txt") + " HTTP/1.0\r\nUser-Agent: client-" + me + "\r\n\r\n");
                        String body = html ? index : note;
                        String expected = "HTTP/1.0 200 OK\r\nServer:Linux Web Server \r\nContent-length:" + body.length()
                                + "\r\nConnection: close\r\nContent-type:" + (html ? "text/html" : "text/plain") + "\r\n\r\n" + body;
                        if (answer.equals(expected)) ok++;
                        else throw new AssertionError("client " + me + " request " + r + " got:\n" + answer);
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) total += f.get();
            assertThat(total).isEqualTo(1000);
            assertThat(server.alive()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsAndABusyPort() throws IOException {
        for (String id : List.of("ch24/webserv_linux", "ch24/webserv_linux_fixed")) {
            Result usage = Run.listing(id).run();
            assertThat(usage.exitStatus()).isEqualTo(1);
            assertThat(usage.stdout()).isEqualTo("Usage : " + id + " <port>\n");
            try (ServerSocket taken = new ServerSocket(0)) {
                Result busy = Run.listing(id, Integer.toString(taken.getLocalPort())).run();
                assertThat(busy.exitStatus()).isEqualTo(1);
                assertThat(busy.stderr()).isEqualTo("bind() error: Address already in use\n");
            }
        }
        Result port = Run.listing("ch24/webserv_linux", "99999").run();
        assertThat(port.exitStatus()).isEqualTo(1);
        assertThat(port.stderr()).isEqualTo("bad port '99999': give a number from 1 to 65535\n");
    }
}
