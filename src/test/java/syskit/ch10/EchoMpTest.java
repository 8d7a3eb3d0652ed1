package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch10/echo_mpserv and ch10/echo_mpclient over real TCP on 127.0.0.1. */
class EchoMpTest {
    static final Duration SHORT = Duration.ofSeconds(20);
    static final String PREFIX = "Message from server: ";

    @TempDir
    Path dir;

    @Test
    void theClientPrintsEachEchoAndEndsWithExit0AfterQ() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve("ch10/echo_mpserv", port, dir);
             Run.Started client = client(port).stdinPipe().start()) {
            OutputStream in = client.stdin();
            // "q " and "qq" are not q alone on a line: they are sent like any other line.
            for (String line : List.of("hello\n", "q \n", "qq\n")) {
                send(in, line);
                assertThat(client.awaitOutput(PREFIX + line, SHORT)).as(client.stdout()).isTrue();
            }
            send(in, "Q\n");
            Result r = client.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo(PREFIX + "hello\n" + PREFIX + "q \n" + PREFIX + "qq\n");
            assertThat(server.awaitOutput("client disconnected...", SHORT)).as(server.stdout()).isTrue();
        }
    }

    @Test
    void theEndOfInputQuitsLikeQAndLongLinesCrossInPieces() {
        int port = Tcp.freePort();
        String text = "one\n" + "a line longer than the thirty bytes of BUF_SIZE\n" + "last\n";
        try (Run.Started server = Tcp.serve("ch10/echo_mpserv", port, dir)) {
            Result r = client(port).stdin(text).run();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).startsWith(PREFIX);
            // How the bytes were cut into reads varies; the bytes themselves do not.
            assertThat(r.stdout().replace(PREFIX, "")).isEqualTo(text);
        }
    }

    @Test
    void theServerReapsEachChildAsItsClientLeaves() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve("ch10/echo_mpserv", port, dir)) {
            for (int i = 1; i <= 2; i++) {
                int child;
                try (Socket s = Tcp.connect(port)) {
                    assertThat(Tcp.echo(s, "ping " + i + "\n")).isEqualTo("ping " + i + "\n");
                    child = Proc.childrenOf(server.pid()).get(0).pid();
                }
                int n = i;
                Tcp.await("child " + child + " reaped", SHORT,
                        () -> server.stdout().contains("Removed proc id : " + child + "\n") && Proc.of(child) == null);
                assertThat(server.stdout().split("client disconnected...", -1)).hasSize(n + 1);
            }
            assertThat(Proc.childrenOf(server.pid())).isEmpty();
        }
    }

    @Test
    void noServerIsAConnectErrorWithItsReason() {
        Result r = client(Tcp.freePort()).run();
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("connect() error: Connection refused\n");
    }

    @Test
    void badArgumentsExit1WithAClearMessage() throws IOException {
        Result address = Run.listing("ch10/echo_mpclient", "localhost:80", "9190").run();
        assertThat(address.exitStatus()).isEqualTo(1);
        assertThat(address.stderr()).isEqualTo("bad address 'localhost:80': give an IPv4 address such as 127.0.0.1\n");
        Result port = Run.listing("ch10/echo_mpclient", "127.0.0.1", "http").run();
        assertThat(port.exitStatus()).isEqualTo(1);
        assertThat(port.stderr()).isEqualTo("bad port 'http': give a number from 1 to 65535\n");
        Result usage = Run.listing("ch10/echo_mpclient", "127.0.0.1").run();
        assertThat(usage.exitStatus()).isEqualTo(1);
        assertThat(usage.stdout()).isEqualTo("Usage : ch10/echo_mpclient <IP> <port>\n");

        Result serverUsage = Run.listing("ch10/echo_mpserv").run();
        assertThat(serverUsage.exitStatus()).isEqualTo(1);
        assertThat(serverUsage.stdout()).isEqualTo("Usage : ch10/echo_mpserv <port>\n");
        try (ServerSocket taken = new ServerSocket(0)) {
            Result inUse = Run.listing("ch10/echo_mpserv", Integer.toString(taken.getLocalPort())).run();
            assertThat(inUse.exitStatus()).isEqualTo(1);
            assertThat(inUse.stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    private static Run client(int port) {
        return Run.listing("ch10/echo_mpclient", "127.0.0.1", Integer.toString(port));
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
