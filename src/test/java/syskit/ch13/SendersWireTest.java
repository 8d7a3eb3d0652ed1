package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The bytes ch13/oob_send and ch13/peek_send put on the wire, Java port and C reference side by
 * side, read by a test server with SO_OOBINLINE: urgent bytes then stay in the stream, in order.
 */
class SendersWireTest {

    @Test
    void javaAndCSendersPutTheSameBytesOnTheWire() throws Exception {
        String[][] cases = {{"ch13/oob_send", "1234567890"}, {"ch13/peek_send", "123"}};
        List<ServerSocket> servers = new ArrayList<>();
        List<Run> senders = new ArrayList<>();
        try {
            for (String[] c : cases) {
                for (boolean java : new boolean[] {true, false}) {
                    ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                    servers.add(s);
                    String port = Integer.toString(s.getLocalPort());
                    senders.add(Lang.of(java).run(c[0], "127.0.0.1", port));
                }
            }
            List<Thread> readers = new ArrayList<>();
            String[] got = new String[servers.size()];
            for (int i = 0; i < servers.size(); i++) {
                ServerSocket s = servers.get(i);
                int n = i;
                readers.add(Thread.ofPlatform().start(() -> {
                    try (Socket conn = s.accept()) {
                        conn.setOOBInline(true);
                        conn.setSoTimeout(20_000);
                        got[n] = new String(conn.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    } catch (Exception e) {
                        got[n] = e.toString();
                    }
                }));
            }
            List<Result> results = Run.all(senders.toArray(Run[]::new));
            for (Thread t : readers) t.join(30_000);
            for (int i = 0; i < got.length; i++) {
                String who = cases[i / 2][0] + (i % 2 == 0 ? " (Java)" : " (C)");
                assertThat(results.get(i).exitStatus()).as(who + ": " + results.get(i)).isZero();
                assertThat(got[i]).as(who).isEqualTo(cases[i / 2][1]);
            }
        } finally {
            for (ServerSocket s : servers) s.close();
        }
    }
}
