package syskit.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch02/tcp_server and ch02/tcp_client: the server writes 13 bytes at once, the client reads
 * them one per read(). (Bad input: ch01.HelloTest checks both with the ch01 pair.)
 */
class TcpClientTest {
    static final String OUT = "Message from server : Hello World! \nFunction read call count: 13 \n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} server, {1} client")
    @CsvSource({"JAVA,JAVA", "JAVA,C", "C,JAVA", "C,C"})
    void oneWriteOf13BytesIs13Reads(Lang server, Lang client) {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch02/tcp_server", port, dir)) {
            Result c = client.run("ch02/tcp_client", "127.0.0.1", Integer.toString(port)).run();
            assertThat(c.exitStatus()).as(c.toString()).isZero();
            assertThat(c.stdout()).isEqualTo(OUT);
            assertThat(s.await().exitStatus()).isZero();
        }
    }

    /** The other way round: the server writes one byte at a time and the count is still the bytes, not the writes. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void thirteenWritesOfOneByteAreStill13Reads(Lang client) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = client.run("ch02/tcp_client", "127.0.0.1", Integer.toString(server.getLocalPort())).start()) {
            try (Socket s = server.accept()) {
                for (byte b : "Hello World!\0".getBytes(StandardCharsets.ISO_8859_1)) {
                    s.getOutputStream().write(b);
                    s.getOutputStream().flush();
                }
            }
            Result r = c.await();
            assertThat(r.stdout()).isEqualTo(OUT);
        }
    }
}
