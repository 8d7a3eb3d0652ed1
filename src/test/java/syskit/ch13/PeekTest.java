package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch13/peek_send and ch13/peek_recv in all four pairings with their C references: the same 3 bytes twice. */
class PeekTest {
    static final String EXPECTED = "Buffering 3 bytes : 123 \nRead again: 123 \n";

    @Test
    void thePeekSeesTheThreeBytesAndThePlainRecvReadsThemAgainInEveryPairing() throws IOException {
        // The four pairings side by side, each receiver on its own port.
        List<Run.Started> receivers = new ArrayList<>();
        List<Run> senders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (boolean javaRecv : new boolean[] {true, false}) {
                for (boolean javaSend : new boolean[] {true, false}) {
                    String port = Integer.toString(Tcp.freePort());
                    Run.Started r = Lang.of(javaRecv).run("ch13/peek_recv", port).timeout(Duration.ofSeconds(60)).start();
                    receivers.add(r);
                    Tcp.awaitListening(r, Integer.parseInt(port));
                    senders.add(Lang.of(javaSend).run("ch13/peek_send", "127.0.0.1", port));
                    names.add((javaSend ? "Java" : "C") + " peek_send -> " + (javaRecv ? "Java" : "C") + " peek_recv");
                }
            }
            List<Result> sent = Run.all(senders.toArray(Run[]::new));
            for (int i = 0; i < 4; i++) {
                assertThat(sent.get(i).exitStatus()).as(names.get(i) + ": " + sent.get(i)).isZero();
                Result res = receivers.get(i).await();
                assertThat(res.exitStatus()).as(names.get(i) + ": " + res).isZero();
                assertThat(res.stdout()).as(names.get(i)).isEqualTo(EXPECTED)
                        .isEqualTo(Files.readString(Run.ROOT.resolve("chapters/ch13/expected/peek_recv.out")));
            }
        } finally {
            for (Run.Started r : receivers) r.close();
        }
    }

    @Test
    void badArgumentsARefusedConnectionAndABusyPortEndWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            List<Result> r = Run.all(Run.listing("ch13/peek_recv"), Run.listing("ch13/peek_send", "127.0.0.1", "0"),
                    Run.listing("ch13/peek_send", "127.0.0.1", Integer.toString(Tcp.freePort())),
                    Run.listing("ch13/peek_recv", Integer.toString(taken.getLocalPort())));
            for (Result each : r) assertThat(each.exitStatus()).as(each.toString()).isEqualTo(1);
            assertThat(r.get(0).stdout()).isEqualTo("Usage : ch13/peek_recv <port>\n");
            assertThat(r.get(1).stderr()).isEqualTo("bad port '0': give a number from 1 to 65535\n");
            assertThat(r.get(2).stderr()).isEqualTo("connect() error: Connection refused\n");
            assertThat(r.get(3).stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }
}
