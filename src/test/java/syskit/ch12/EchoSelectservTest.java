package syskit.ch12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Peers.Lang;
import syskit.harness.ManyClients;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch12/echo_selectserv and its C reference: one process, many clients. */
class EchoSelectservTest {
    static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void fiftyClientsTimesTwoHundredLinesEachEchoedOnceAndInOrderByJavaAndC() {
        for (boolean java : new boolean[] {true, false}) {
            int port = Tcp.freePort();
            try (Run.Started server = start(java, port)) {
                ManyClients.Report r = ManyClients.echo(port, 50, 200);
                System.out.println("ch12/echo_selectserv (" + (java ? "Java" : "C") + "): " + r.figures());   // the guides quote it
                assertThat(r.problems()).as(r.figures()).isEmpty();
                Tcp.await("50 closed clients", WITHIN, () -> count(server.stdout(), "closed client: ") == 50);
                assertThat(count(server.stdout(), "Connected client: ")).isEqualTo(50);
                assertThat(server.alive()).isTrue();
            }
        }
    }

    @Test
    void javaAndCPrintTheSameLinesForTheSameClientsModuloDescriptorNumbers() throws IOException {
        List<String> outputs = new ArrayList<>();
        for (boolean java : new boolean[] {true, false}) {
            int port = Tcp.freePort();
            try (Run.Started server = start(java, port)) {
                try (Socket a = Tcp.connect(port)) {
                    Tcp.await("first client", WITHIN, () -> count(server.stdout(), "Connected client: ") == 1);
                    try (Socket b = Tcp.connect(port)) {
                        Tcp.await("second client", WITHIN, () -> count(server.stdout(), "Connected client: ") == 2);
                        assertThat(Tcp.echo(a, "from a\n")).isEqualTo("from a\n");
                        assertThat(Tcp.echo(b, "from b, longer than the hundred bytes of BUF_SIZE: "
                                + "x".repeat(120) + "\n")).endsWith("x\n");
                    }
                    Tcp.await("b closed", WITHIN, () -> count(server.stdout(), "closed client: ") == 1);
                    assertThat(Tcp.echo(a, "a again\n")).isEqualTo("a again\n");
                }
                Tcp.await("a closed", WITHIN, () -> count(server.stdout(), "closed client: ") == 2);
                String out = server.stdout();
                // The descriptors differ (a JVM holds some of its own) but match up within a run.
                Matcher m = Pattern.compile("Connected client: (\\d+) \nConnected client: (\\d+) \nclosed client: (\\d+) \nclosed client: (\\d+) \n").matcher(out);
                assertThat(m.matches()).as(out).isTrue();
                assertThat(m.group(3)).isEqualTo(m.group(2));
                assertThat(m.group(4)).isEqualTo(m.group(1));
                outputs.add(out.replaceAll("\\d+", "N"));
            }
        }
        assertThat(outputs.get(0)).isEqualTo(outputs.get(1));
    }

    @Test
    void badArgumentsAndABusyPortEndWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String p = Integer.toString(taken.getLocalPort());
            List<Result> r = Run.all(Run.listing("ch12/echo_selectserv"), Run.listing("ch12/echo_selectserv", "http"),
                    Run.listing("ch12/echo_selectserv", p), Lang.C.run("ch12/echo_selectserv", p));
            for (Result each : r) assertThat(each.exitStatus()).as(each.toString()).isEqualTo(1);
            assertThat(r.get(0).stdout()).isEqualTo("Usage : ch12/echo_selectserv <port>\n");
            assertThat(r.get(1).stderr()).isEqualTo("bad port 'http': give a number from 1 to 65535\n");
            assertThat(r.get(2).stderr()).isEqualTo("bind() error: Address already in use\n");
            assertThat(r.get(3).stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    private Run.Started start(boolean java, int port) {
        if (java) return Tcp.serve("ch12/echo_selectserv", port, dir);
        Run.Started s = Lang.C.run("ch12/echo_selectserv", Integer.toString(port))
                .dir(dir).timeout(Duration.ofSeconds(120)).start();
        Tcp.await("C echo_selectserv listening on " + port, WITHIN, () -> Tcp.listening(port) || !s.alive());
        return s;
    }

    static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
