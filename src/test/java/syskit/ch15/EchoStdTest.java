package syskit.ch15;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch15/echo_stdserv and echo_stdclnt, FILE streams on a socket: all four pairings of the Java and
 * C client and server give the same output, and both servers have the book's feof flaw.
 */
class EchoStdTest {
    static final String INPUT = "hello\na line of some length, to be echoed whole\nq\n";
    static final String CLIENT_OUT = "Connected...........\n"
            + "Input message(Q to quit): Message from server: hello\n"
            + "Input message(Q to quit): Message from server: a line of some length, to be echoed whole\n"
            + "Input message(Q to quit): ";

    @TempDir
    Path dir;

    @Test
    void everyPairingOfJavaAndCClientAndServerGivesTheSameOutputAndTheServerSendsTheLastLineTwice() throws IOException {
        for (boolean javaServer : List.of(true, false)) {
            int port = Tcp.freePort();
            String p = Integer.toString(port);
            Run server = Lang.of(javaServer).run("ch15/echo_stdserv", p);
            String who = javaServer ? "Java server" : "C server";
            try (Run.Started s = Tcp.awaitListening(server.dir(dir).timeout(Duration.ofSeconds(60)).start(), port)) {
                // Clients 1 and 2: the port and the C reference, in turn (the server is iterative).
                Result java = Run.listing("ch15/echo_stdclnt", "127.0.0.1", p).stdin(INPUT).run();
                Result c = Lang.C.run("ch15/echo_stdclnt", "127.0.0.1", p).stdin(INPUT).run();
                for (Result r : List.of(java, c)) {
                    assertThat(r.exitStatus()).as(who + ": " + r).isZero();
                    assertThat(r.stdout()).as(who).isEqualTo(CLIENT_OUT);
                }
                // Client 3 sends two lines, then ends its output (a half-close) and reads to the end.
                try (Socket raw = Tcp.connect(port)) {
                    raw.getOutputStream().write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
                    raw.shutdownOutput();
                    assertThat(Tcp.readAll(raw)).as(who + ": feof is tested before fgets, so the failed fgets resends the last line")
                            .isEqualTo("one\ntwo\ntwo\n");
                }
                Tcp.await(who + " to take a fourth client", Duration.ofSeconds(20), () -> s.stdout().contains("Connect client 3 \n"));
                assertThat(s.stdout()).isEqualTo("Connect client 1 \nConnect client 2 \nConnect client 3 \n");
            }
        }
    }

    @Test
    void badInputIsOneLineAndExit1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            List<Run.Started> runs = new ArrayList<>();
            runs.add(Run.listing("ch15/echo_stdserv").start());
            runs.add(Run.listing("ch15/echo_stdserv", Integer.toString(taken.getLocalPort())).start());
            runs.add(Run.listing("ch15/echo_stdclnt", "127.0.0.1").start());
            runs.add(Run.listing("ch15/echo_stdclnt", "127.0.0.1", Integer.toString(Tcp.freePort())).start());
            runs.add(Lang.C.run("ch15/echo_stdclnt", "127.0.0.1", Integer.toString(Tcp.freePort())).start());
            List<Result> r = runs.stream().map(Run.Started::await).toList();
            runs.forEach(Run.Started::close);
            r.forEach(x -> assertThat(x.exitStatus()).as(x.toString()).isEqualTo(1));
            assertThat(r.get(0).stdout()).isEqualTo("Usage : ch15/echo_stdserv <port>\n");
            assertThat(r.get(1).stderr()).isEqualTo("bind() error: Address already in use\n");
            assertThat(r.get(2).stdout()).isEqualTo("Usage : ch15/echo_stdclnt <IP> <port>\n");
            assertThat(r.get(3).stderr()).isEqualTo("connect() error!: Connection refused\n").isEqualTo(r.get(4).stderr());
        }
    }
}
