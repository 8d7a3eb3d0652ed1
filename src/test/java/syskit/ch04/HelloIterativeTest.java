package syskit.ch04;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Checks;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * The checks of the exercise ch04/hello_iterative (exercises/ch04/hello_iterative/README.md): the
 * answer runs as a real server on 127.0.0.1 and plain Java sockets are its clients.
 */
@Tag("exercise")
@Tag(HelloIterativeTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelloIterativeTest {
    static final String EXERCISE = "ch04/hello_iterative";
    static final String HELLO = "Hello World!\0";

    @TempDir
    Path dir;

    @Test
    @Order(1)
    @DisplayName("a client gets \"Hello World!\" and its NUL (13 bytes), then the server closes the connection")
    void theConnectionEndsAfterTheGreeting() {
        int port = Tcp.freePort();
        try (Run.Started s = Tcp.serve(EXERCISE, port, dir)) {
            String got = greeting(s, port, 1);
            if (!got.equals(HELLO)) {
                Checks.fail("HelloIterativeTest.wrongGreeting", shown(got));
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("three clients, one after the other, are each greeted: the server keeps running")
    void everyClientIsGreetedInTurn() {
        int port = Tcp.freePort();
        try (Run.Started s = Tcp.serve(EXERCISE, port, dir)) {
            for (int i = 1; i <= 3; i++) {
                String got = greeting(s, port, i);
                if (!got.equals(HELLO)) {
                    Checks.fail("HelloIterativeTest.wrongGreetingOf", i, shown(got));
                }
            }
            if (!s.alive()) {
                Checks.fail("HelloIterativeTest.ended", s.kill());
            }
        }
    }

    /** Connects as client i and reads until the server closes; fails with a learner's message otherwise. */
    private static String greeting(Run.Started s, int port, int i) {
        StringBuilder got = new StringBuilder();
        try (Socket sock = new Socket(InetAddress.getLoopbackAddress(), port)) {
            sock.setSoTimeout(5_000);   // a bound: a greeting of 13 bytes on loopback is instant
            InputStream in = sock.getInputStream();
            byte[] buf = new byte[64];
            int n;
            try {
                while ((n = in.read(buf)) != -1) got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            } catch (SocketTimeoutException e) {
                Checks.fail("HelloIterativeTest.neverClosed", i, shown(got.toString()));
            }
            return got.toString();
        } catch (IOException e) {
            String why = "";
            if (s.awaitExit(java.time.Duration.ofSeconds(10))) {
                Result r = s.kill();
                why = r.stderr().isBlank() ? Checks.text("HelloIterativeTest.why.status", r.exitStatus())
                        : Checks.text("HelloIterativeTest.why.printed", r.exitStatus(), r.stderr().strip());
            }
            throw Checks.fail("HelloIterativeTest.noConnection", i, e.getMessage(), why);
        }
    }

    private static String shown(String s) {
        return s.isEmpty() ? Checks.text("HelloIterativeTest.nothing")
                : Checks.text("HelloIterativeTest.shown", s.replace("\0", "\\0"), s.length());
    }

}
