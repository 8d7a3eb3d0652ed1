package syskit.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import syskit.ch04.EchoTest;
import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch05/echo_client2: the test that shows echo_client's partial echo, passed. (Bad input: OpTest.) */
class EchoClient2Test {
    static final String PROMPT = "Input message(Q to quit): ";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} echo_client2")
    @EnumSource(Lang.class)
    void aLongLineEchoedInPiecesArrivesWhole(Lang client) throws IOException {
        Result r = EchoTest.againstPieceServer(client, "ch05/echo_client2");
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Connected...........\n" + PROMPT + "Message from server: " + EchoTest.LONG + PROMPT);
    }

    /** With the book's echo_server (Java and C), a Java and a C echo_client2. */
    @ParameterizedTest(name = "{0} server")
    @EnumSource(Lang.class)
    void againstEchoServerJavaAndCClients(Lang server) {
        int port = Tcp.freePort();
        String in = "hello\n" + EchoTest.LONG + "Q\n";
        try (Run.Started s = Peers.serve(server, "ch04/echo_server", port, dir)) {
            for (Lang client : Lang.values()) {
                Result c = client.run("ch05/echo_client2", "127.0.0.1", Integer.toString(port)).stdin(in).run();
                assertThat(c.exitStatus()).as(client + " client: " + c).isZero();
                assertThat(c.stdout()).as(client + " client").isEqualTo("Connected...........\n" + PROMPT
                        + "Message from server: hello\n" + PROMPT + "Message from server: " + EchoTest.LONG + PROMPT);
            }
        }
    }
}
