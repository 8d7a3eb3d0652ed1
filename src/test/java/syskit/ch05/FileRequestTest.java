package syskit.ch05;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * The checks of the exercise ch05/file_request (exercises/ch05/file_request/README.md): the answer
 * runs as a real server in a directory with two files; plain Java sockets are its clients.
 */
@Tag("exercise")
@Tag(FileRequestTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileRequestTest {
    static final String EXERCISE = "ch05/file_request";
    static final byte[] HELLO = "Hello, file!\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] BIG = new byte[50_000];

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        new Random(5).nextBytes(BIG);
        Files.write(dir.resolve("hello.txt"), HELLO);
        Files.write(dir.resolve("big.bin"), BIG);
    }

    @Test
    @Order(1)
    @DisplayName("a client naming an existing file gets all its bytes, then the end of the connection (a text file, then a 50 KB one)")
    void anExistingFileIsSentWhole() {
        int port = Tcp.freePort();
        try (Run.Started s = Tcp.serve(EXERCISE, port, dir)) {
            expectFile(port, "hello.txt", HELLO, false);
            expectFile(port, "big.bin", BIG, false);
        }
    }

    @Test
    @Order(2)
    @DisplayName("a client naming a missing file gets nothing: the server hangs up, and serves the next client")
    void aMissingFileMeansHangingUp() {
        int port = Tcp.freePort();
        try (Run.Started s = Tcp.serve(EXERCISE, port, dir)) {
            byte[] got = request(port, "no-such-file.txt", false);
            if (got.length > 0) {
                Checks.fail("FileRequestTest.missingSent", got.length);
            }
            expectFile(port, "hello.txt", HELLO, false);
        }
    }

    @Test
    @Order(3)
    @DisplayName("a name that arrives in pieces (one byte per write) is read whole")
    void aNameSentInPiecesIsReadWhole() {
        int port = Tcp.freePort();
        try (Run.Started s = Tcp.serve(EXERCISE, port, dir)) {
            expectFile(port, "hello.txt", HELLO, true);
        }
    }

    private static void expectFile(int port, String name, byte[] want, boolean inPieces) {
        byte[] got = request(port, name, inPieces);
        if (got.length == 0) {
            Checks.fail(inPieces ? "FileRequestTest.hungUp.inPieces" : "FileRequestTest.hungUp", name, name);
        }
        if (got.length > want.length) {
            Checks.fail("FileRequestTest.tooMany", name, want.length, got.length);
        }
        if (got.length < want.length) {
            Checks.fail("FileRequestTest.tooFew", name, got.length, want.length);
        }
        if (!Arrays.equals(got, want)) {
            Checks.fail("FileRequestTest.otherBytes", name, got.length);
        }
    }

    /** Sends the name and a newline, then reads until the server closes; fails if it does neither within 5 s. */
    private static byte[] request(int port, String name, boolean inPieces) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (Socket sock = new Socket(InetAddress.getLoopbackAddress(), port)) {
            sock.setSoTimeout(5_000);   // a bound: the server answers at once on loopback
            OutputStream out = sock.getOutputStream();
            byte[] req = (name + "\n").getBytes(StandardCharsets.UTF_8);
            if (!inPieces) {
                out.write(req);
            } else {
                int local = sock.getLocalPort();
                for (byte b : req) {   // each byte read by the server before the next is sent
                    try {
                        out.write(b);
                        out.flush();
                    } catch (IOException hungUp) {
                        break;
                    }
                    Await.until(() -> Tcp.unacked(local, port) == 0 && Tcp.unread(port, local) <= 0, Duration.ofSeconds(5));
                }
            }
            InputStream in = sock.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) != -1) got.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                Checks.fail("FileRequestTest.noEnd", name, got.size());
            }
        } catch (IOException e) {
            if (!(e.getMessage() != null && e.getMessage().contains("reset"))) Checks.fail("FileRequestTest.clientFailed", name, e);
        }
        return got.toByteArray();
    }
}
