package syskit.ch24;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch24/webserv_linux_fixed serves its folder and nothing else: a secret file beside the folder, a
 * symbolic link inside it that points at the secret and one that points at the folder's parent.
 * Each escape attempt, however spelled, gets 400, 403 or 404 and no byte of the secret; a seeded
 * fuzz of malformed request lines never gets the secret, never kills the server, and a valid
 * request is answered afterwards. The client is a plain socket written here.
 */
class WebservEscapeTest {
    static final String SECRET = "TOP-SECRET-4f1c9e";
    static final Pattern STATUS = Pattern.compile("\\AHTTP/1\\.0 (\\d{3}) ");

    @TempDir Path top;
    Path www;

    @BeforeEach
    void folders() throws IOException {
        www = Files.createDirectories(top.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<html><body>index</body></html>\n");
        Files.createDirectories(www.resolve("sub"));
        Files.writeString(www.resolve("sub/page.txt"), "in a subfolder\n");
        Files.writeString(top.resolve("secret.txt"), SECRET + "\n");
        Files.writeString(top.resolve("www-secret.txt"), SECRET + " (a sibling whose name starts like the folder's)\n");
        Files.createSymbolicLink(www.resolve("link.txt"), top.resolve("secret.txt"));
        Files.createSymbolicLink(www.resolve("up"), top);
    }

    Run.Started server(int port) {
        return Tcp.awaitListening(Run.listing("ch24/webserv_linux_fixed", Integer.toString(port))
                .dir(www).timeout(Duration.ofSeconds(120)).start(), port);
    }

    @Test
    void noSpellingOfAPathLeavesTheFolder() throws Exception {
        String abs = top.resolve("secret.txt").toString();
        List<String> attempts = List.of(
                "//etc/passwd", "///etc/passwd", "/../secret.txt", "/../../../../etc/passwd",
                "/sub/../../secret.txt", "/./../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                "/..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..\\secret.txt", "/%2e%2e%5csecret.txt",
                "/%2fetc%2fpasswd", "//" + abs, "/" + abs, "/%2f" + abs.substring(1),
                "/index.html%00/../../secret.txt", "/%00", "/..%00/secret.txt", "/%252e%252e/secret.txt",
                "/link.txt", "/up/secret.txt", "/up/www-secret.txt", "/up", "/sub/../up/secret.txt",
                "/../www-secret.txt", "/%c0%ae%c0%ae/secret.txt", "/....//secret.txt", "/%", "/%2", "/%zz",
                "/.", "/sub/..");
        int port = Tcp.freePort();
        try (Run.Started s = server(port)) {
            for (String path : attempts) {
                String answer = get(port, "GET " + path + " HTTP/1.0\r\n\r\n");
                assertThat(status(answer)).as("GET %s answered:\n%s", path, answer).isIn(400, 403, 404);
                assertThat(answer).as("GET %s", path).doesNotContain(SECRET).doesNotContain("root:");
            }
            // inside the folder, dot segments and escapes still reach their file
            assertThat(get(port, "GET /sub/../index.html HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK").contains("index");
            assertThat(get(port, "GET /%69ndex.html HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK");
            assertThat(get(port, "GET /sub//page.txt HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK").contains("in a subfolder");
            assertThat(get(port, "GET / HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK").contains("index");
            assertThat(s.alive()).isTrue();
        }
    }

    @Test
    void aRequestLineLongerThanTheBufferIs414() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started s = server(port)) {
            String answer = get(port, "GET /" + "a".repeat(300) + " HTTP/1.0\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.0 414 URI Too Long\r\n");
            assertThat(s.alive()).isTrue();
        }
    }

    /** 300 seeded random request lines, four clients at once; then a valid request. */
    @Test
    void fuzzedRequestLinesNeverReachOutsideNorStopTheServer() throws Exception {
        String[] pieces = {"..", "/", "%", "%2e", "%2f", "%5c", "\\", "%00", "%", "secret.txt", "up", "link.txt",
                "index.html", "sub", ".", "%c0%ae", "//", "etc/passwd", " ", "\t", "HTTP/1.0", "GET", "\r"};
        Random random = new Random(20261207);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder line = new StringBuilder(i % 3 == 0 ? "" : "GET ");
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                if (random.nextInt(6) == 0) line.append((char) random.nextInt(256));
                else line.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextBoolean()) line.append(" HTTP/1.0");
            requests.add(line + (random.nextInt(10) == 0 ? "" : "\r\n\r\n"));
        }
        int port = Tcp.freePort();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Run.Started s = server(port)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int me = t;
                done.add(pool.submit(() -> {
                    for (int i = me; i < requests.size(); i += 4) {
                        String answer = get(port, requests.get(i));
                        assertThat(answer).as("request %d %s", i, printable(requests.get(i))).doesNotContain(SECRET).doesNotContain("root:");
                        if (!answer.isEmpty())
                            assertThat(status(answer)).as("request %d %s:\n%s", i, printable(requests.get(i)), answer).isBetween(200, 599);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            assertThat(s.alive()).as("the server after 300 fuzzed requests: %s", s.stderr()).isTrue();
            assertThat(get(port, "GET /index.html HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The whole answer, up to the server's close. A request without its empty line leaves the
     * server reading headers, so the client half-closes after sending, as a client that is done does.
     */
    static String get(int port, String request) throws IOException {
        try (Socket s = Tcp.connect(port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no close within 30 s after " + printable(request));
            }
        }
    }

    static int status(String answer) {
        Matcher m = STATUS.matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        return b.toString();
    }
}
