package syskit.ch16;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch16/sep_serv, sep_serv2 and sep_clnt in all four pairings of Java and C: sep_serv never gets
 * the client's reply (fclose of its write stream closed the socket), sep_serv2 does (dup, then
 * shutdown(SHUT_WR) on the copy).
 */
class SepServTest {
    static final String LINES = "FROM SERVER: Hi~ client? \nI love all of the world \nYou are awesome! \n";

    @TempDir
    Path dir;

    record Pair(String name, Run.Started server, Run.Started client) {}

    @Test
    void sepServLosesTheReplyAndSepServ2PrintsItInEveryPairing() {
        List<Pair> pairs = new ArrayList<>();
        for (String id : List.of("ch16/sep_serv", "ch16/sep_serv2")) {
            for (boolean javaServer : List.of(true, false)) {
                for (boolean javaClient : List.of(true, false)) {
                    int port = Tcp.freePort();
                    String p = Integer.toString(port);
                    Run.Started s = Tcp.awaitListening(Lang.of(javaServer).run(id, p).dir(dir).start(), port);
                    Run.Started c = Lang.of(javaClient).run("ch16/sep_clnt", "127.0.0.1", p).start();
                    pairs.add(new Pair(id + ", " + (javaServer ? "Java" : "C") + " server, " + (javaClient ? "Java" : "C") + " client", s, c));
                }
            }
        }
        for (Pair pair : pairs) {
            Result s = pair.server().await(), c = pair.client().await();
            pair.server().close();
            pair.client().close();
            assertThat(s.exitStatus()).as(pair.name() + ": " + s).isZero();
            assertThat(c.exitStatus()).as(pair.name() + ": " + c).isZero();
            assertThat(c.stdout()).as(pair.name()).isEqualTo(LINES);
            if (pair.name().startsWith("ch16/sep_serv2"))
                assertThat(s.stdout()).as(pair.name() + ": the reply came through the half-closed socket").isEqualTo("FROM CLIENT: Thank you \n");
            else
                assertThat(s.stdout()).as(pair.name() + ": fclose(writefp) closed the socket; fgets found nothing").isEmpty();
        }
    }

    @Test
    void badInputIsOneLineAndExit1() {
        List<Run.Started> runs = List.of(
                Run.listing("ch16/sep_serv").start(),
                Run.listing("ch16/sep_serv2", "0").start(),
                Run.listing("ch16/sep_clnt", "127.0.0.1", Integer.toString(Tcp.freePort())).start());
        List<Result> r = runs.stream().map(Run.Started::await).toList();
        runs.forEach(Run.Started::close);
        r.forEach(x -> assertThat(x.exitStatus()).as(x.toString()).isEqualTo(1));
        assertThat(r.get(0).stdout()).isEqualTo("Usage : ch16/sep_serv <port>\n");
        assertThat(r.get(1).stderr()).isEqualTo("bad port '0': give a number from 1 to 65535\n");
        assertThat(r.get(2).stderr()).isEqualTo("connect() error: Connection refused\n");
    }
}
