package syskit.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syskit.harness.BadInput;
import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch01/hello_server and ch01/hello_client, Java and C, over real TCP on 127.0.0.1. */
class HelloTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} server, {1} client")
    @CsvSource({"JAVA,JAVA", "JAVA,C", "C,JAVA", "C,C"})
    void theClientPrintsTheServersHelloAndBothEnd(Lang server, Lang client) {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch01/hello_server", port, dir)) {
            Result c = client.run("ch01/hello_client", "127.0.0.1", Integer.toString(port)).run();
            assertThat(c.exitStatus()).as(c.toString()).isZero();
            assertThat(c.stdout()).isEqualTo("Message from server : Hello World! \n");
            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEmpty();
        }
    }

    @Test
    void bothServersSendTheSame13BytesTheNulIncluded() throws IOException {
        for (Lang lang : Lang.values()) {
            int port = Tcp.freePort();
            try (Run.Started s = Peers.serve(lang, "ch01/hello_server", port, dir); Socket sock = Tcp.connect(port)) {
                byte[] got = sock.getInputStream().readAllBytes();
                assertThat(new String(got, StandardCharsets.ISO_8859_1)).as(lang + " server").isEqualTo("Hello World!\0");
            }
        }
    }

    @Test
    void badInputGivesTheUsageLineOrOneClearLineAndExit1() {
        BadInput.check(List.of("ch01/hello_server", "ch02/tcp_server"), List.of("ch01/hello_client", "ch02/tcp_client"));
    }
}
