package syskit.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import syskit.harness.BadInput;
import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch04/echo_server and ch04/echo_client (and ch05/echo_client2 against the same server that
 * answers in pieces), Java and C, over TCP on 127.0.0.1.
 */
public class EchoTest {
    static final String PROMPT = "Input message(Q to quit): ";
    static final String CONNECTED = "Connected...........\n";
    /** A line longer than the first piece the test's server sends back. */
    public static final String LONG = "This message is longer than the first piece of its echo\n";
    public static final int PIECE = 10;

    @TempDir
    Path dir;

    /** Each server serves a Java and a C client, then three Java sockets, one after the other, and ends. */
    @ParameterizedTest(name = "{0} server")
    @EnumSource(Lang.class)
    void fiveClientsInTurnJavaAndCClientsAlike(Lang server) throws IOException {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch04/echo_server", port, dir)) {
            for (Lang client : Lang.values()) {
                Result c = client.run("ch04/echo_client", "127.0.0.1", Integer.toString(port)).stdin("hello\nQ\n").run();
                assertThat(c.exitStatus()).as(client + " client: " + c).isZero();
                assertThat(c.stdout()).as(client + " client").isEqualTo(CONNECTED + PROMPT + "Message from server: hello\n" + PROMPT);
            }
            // Iterative: while client 3 is served, client 4's bytes wait unread in the kernel.
            try (Socket third = Tcp.connect(port); Socket fourth = Tcp.connect(port)) {
                assertThat(Tcp.echo(third, "three\n")).isEqualTo("three\n");
                fourth.getOutputStream().write("four\n".getBytes(StandardCharsets.UTF_8));
                Tcp.await("client 4's 5 bytes queued at the server", Duration.ofSeconds(20),
                        () -> Tcp.unread(port, fourth.getLocalPort()) == 5);
                assertThat(fourth.getInputStream().available()).as("echo to client 4 while client 3 is connected").isZero();
                third.close();
                assertThat(new String(fourth.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("four\n");
            }
            try (Socket fifth = Tcp.connect(port)) {
                assertThat(Tcp.echo(fifth, "five\n")).isEqualTo("five\n");
            }
            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo("Connected client 1 \nConnected client 2 \nConnected client 3 \n"
                    + "Connected client 4 \nConnected client 5 \n");
        }
    }

    /**
     * TCP has no message boundaries: the test's server echoes a long line in two pieces, the
     * second only once the client has read the first. echo_client's one read() returns the
     * first piece: it prints a partial echo.
     */
    @ParameterizedTest(name = "{0} echo_client")
    @EnumSource(Lang.class)
    void aLongLineEchoedInPiecesGivesAPartialEcho(Lang client) throws IOException {
        Result r = againstPieceServer(client, "ch04/echo_client");
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(CONNECTED + PROMPT + "Message from server: " + LONG.substring(0, PIECE) + PROMPT);
    }

    /**
     * Runs the client with the input LONG then Q against a server that echoes the first PIECE
     * bytes, waits until they reached the client and the client read them all, then sends the rest.
     */
    public static Result againstPieceServer(Lang client, String id) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = client.run(id, "127.0.0.1", Integer.toString(server.getLocalPort())).stdin(LONG + "Q\n").start();
             Socket s = server.accept()) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') break;
            }
            byte[] echo = line.toByteArray();
            assertThat(new String(echo, StandardCharsets.UTF_8)).isEqualTo(LONG);
            out.write(echo, 0, PIECE);
            out.flush();
            int serverPort = server.getLocalPort(), clientPort = s.getPort();
            // Acknowledged (in the client's receive queue), then read by the client: its read() has returned.
            Tcp.await("the client reading the first piece", Duration.ofSeconds(20),
                    () -> Tcp.unacked(serverPort, clientPort) == 0 && Tcp.unread(clientPort, serverPort) <= 0);
            try {
                out.write(echo, PIECE, echo.length - PIECE);
                out.flush();
                in.readAllBytes();   // until the client closes
            } catch (IOException gone) {
                // echo_client may already have quit and closed: the rest goes nowhere
            }
            Result r = c.await();
            return r;
        }
    }

    @Test
    void badInputGivesTheUsageLineOrOneClearLineAndExit1() {
        BadInput.check(List.of("ch04/echo_server"), List.of("ch04/echo_client"));
    }
}
