package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch13/peek_send and ch13/peek_recv in all four pairings with their C references: the same 3 bytes twice. */
class PeekTest {
    static final String EXPECTED = "Buffering 3 bytes : 123 \nRead again: 123 \n";

    @Test
    void thePeekSeesTheThreeBytesAndThePlainRecvReadsThemAgainInEveryPairing() {
        for (boolean javaRecv : new boolean[] {true, false}) {
            for (boolean javaSend : new boolean[] {true, false}) {
                int port = Tcp.freePort();
                Run recv = javaRecv ? Run.listing("ch13/peek_recv", Integer.toString(port))
                        : Run.command(CReference.build("ch13/peek_recv"), Integer.toString(port));
                try (Run.Started r = recv.timeout(Duration.ofSeconds(60)).start()) {
                    Tcp.await("peek_recv listening", Duration.ofSeconds(20), () -> Tcp.listening(port) || !r.alive());
                    Result s = (javaSend ? Run.listing("ch13/peek_send", "127.0.0.1", Integer.toString(port))
                            : Run.command(CReference.build("ch13/peek_send"), "127.0.0.1", Integer.toString(port))).run();
                    assertThat(s.exitStatus()).as(s.toString()).isZero();
                    Result res = r.await();
                    assertThat(res.exitStatus()).as(res.toString()).isZero();
                    assertThat(res.stdout()).as((javaSend ? "Java" : "C") + " -> " + (javaRecv ? "Java" : "C")).isEqualTo(EXPECTED);
                }
            }
        }
    }

    @Test
    void badArgumentsARefusedConnectionAndABusyPortEndWithOneLine() throws IOException {
        Result usage = Run.listing("ch13/peek_recv").run();
        assertThat(usage.exitStatus()).isEqualTo(1);
        assertThat(usage.stdout()).isEqualTo("Usage : ch13/peek_recv <port>\n");
        Result port = Run.listing("ch13/peek_send", "127.0.0.1", "0").run();
        assertThat(port.exitStatus()).isEqualTo(1);
        assertThat(port.stderr()).isEqualTo("bad port '0': give a number from 1 to 65535\n");
        Result refused = Run.listing("ch13/peek_send", "127.0.0.1", Integer.toString(Tcp.freePort())).run();
        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("connect() error\n");
        try (ServerSocket taken = new ServerSocket(0)) {
            Result busy = Run.listing("ch13/peek_recv", Integer.toString(taken.getLocalPort())).run();
            assertThat(busy.exitStatus()).isEqualTo(1);
            assertThat(busy.stderr()).isEqualTo("bind() error\n");
        }
    }
}
