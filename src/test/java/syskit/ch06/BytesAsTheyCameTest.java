package syskit.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.harness.Udp;

/**
 * A client prints the bytes it received, as its C twin prints them: Latin-1 (caf\xe9), EUC-KR
 * (안녕 as \xbe\xc8\xb3\xe7) and UTF-8 lines through the TCP echo client and the UDP one, each
 * against the C server, Java and C clients compared byte for byte (the output is read as hex, so
 * no decoding stands between the test and the bytes).
 */
class BytesAsTheyCameTest {
    /** printf's escapes for the three lines, then q, which ends both clients. */
    static final String INPUT = "caf\\351\\n\\276\\310\\263\\347\\n\\354\\225\\210\\353\\205\\225 UTF-8\\nq\\n";

    @TempDir Path dir;

    static Result hexOfClient(Lang lang, String id, int port) {
        return Run.command("bash", "-c", "printf '" + INPUT + "' | " + clientCommand(lang, id) + " 127.0.0.1 " + port + " | od -An -tx1 -v | tr -d '\\n'").run();
    }

    static String clientCommand(Lang lang, String id) {
        return lang == Lang.JAVA ? Run.ROOT.resolve("bin/syskit") + " " + id : syskit.harness.CReference.build(id);
    }

    @Test
    void theTcpEchoClientPrintsTheBytesAsC() {
        int port = Tcp.freePort();
        try (Run.Started server = Peers.serve(Lang.C, "ch04/echo_server", port, dir)) {
            List<Result> r = List.of(hexOfClient(Lang.JAVA, "ch04/echo_client", port), hexOfClient(Lang.C, "ch04/echo_client", port));
            assertThat(r.get(0).exitStatus()).as(r.get(0).toString()).isZero();
            assertThat(r.get(0).stdout()).as("Java's bytes against C's").isEqualTo(r.get(1).stdout())
                    .contains("63 61 66 e9 0a").contains("be c8 b3 e7 0a").contains("ec 95 88 eb 85 95");
        }
    }

    @Test
    void theUdpEchoClientPrintsTheBytesAsC() {
        int port = Udp.freePort();
        try (Run.Started server = Udp.serve(Lang.C.run("ch06/uecho_server", Integer.toString(port)).dir(dir), port)) {
            List<Result> r = List.of(hexOfClient(Lang.JAVA, "ch06/uecho_client", port), hexOfClient(Lang.C, "ch06/uecho_client", port));
            assertThat(r.get(0).exitStatus()).as(r.get(0).toString()).isZero();
            assertThat(r.get(0).stdout()).as("Java's bytes against C's").isEqualTo(r.get(1).stdout())
                    .contains("63 61 66 e9 0a").contains("be c8 b3 e7 0a").contains("ec 95 88 eb 85 95");
        }
    }
}
