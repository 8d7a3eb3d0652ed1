package syskit.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch09/reuseadr_eserver and its _fixed variant, Java and C: killed while a client is
 * connected, the server's side of that connection goes to TIME_WAIT; restarted at once, the
 * book's server fails to bind, the one with SO_REUSEADDR serves again.
 */
class ReuseadrEserverTest {
    static Run server(String id, boolean c, int port) {
        return Lang.of(!c).run(id, Integer.toString(port));
    }

    /** The four servers (book and fixed, Java and C) each on a port of their own, at the same time. */
    @Test
    void restartedAtOnceAfterAKillOnlyTheServerWithSoReuseaddrBinds() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (String id : List.of("ch09/reuseadr_eserver", "ch09/reuseadr_eserver_fixed")) {
                for (boolean c : new boolean[] {false, true}) {
                    runs.add(pool.submit(() -> { restart(id, c); return null; }));
                }
            }
            for (var r : runs) {
                try {
                    r.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error err) throw err;
                    throw e;
                }
            }
        }
    }

    private static void restart(String id, boolean c) throws IOException {
        String which = (c ? "C " : "Java ") + id;
        int port = Tcp.freePort();
        try (Run.Started first = Tcp.serve(server(id, c, port), port); Socket client = Tcp.connect(port)) {
            assertThat(Tcp.echo(client, "hello\n")).isEqualTo("hello\n");
            Tcp.await(which + " copies to stdout", Duration.ofSeconds(20), () -> first.stdout().equals("hello\n"));
            first.kill();                                // the server closes first: its side will wait in TIME_WAIT
            assertThat(Tcp.readAll(client)).isEmpty();   // read its FIN to the end, so that closing sends FIN, not RST
        }
        assertThat(Tcp.inTimeWait(port)).as(which + ": a connection on the port in TIME_WAIT").isTrue();
        if (id.endsWith("_fixed")) {
            try (Run.Started again = Tcp.serve(server(id, c, port), port); Socket client = Tcp.connect(port)) {
                assertThat(Tcp.echo(client, "again\n")).as(which).isEqualTo("again\n");
            }
        } else {
            Result again = server(id, c, port).run();
            assertThat(again.exitStatus()).as(which + "\n" + again).isEqualTo(1);
            assertThat(again.stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    @Test
    void badArgumentsExit1WithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String busy = Integer.toString(taken.getLocalPort());
            List<Run> runs = new ArrayList<>();
            List<String[]> expected = new ArrayList<>();
            for (String id : List.of("ch09/reuseadr_eserver", "ch09/reuseadr_eserver_fixed")) {
                for (boolean c : new boolean[] {false, true}) {
                    String name = c ? CReference.build(id) : id;
                    runs.add(c ? Run.command(name) : Run.listing(name));
                    expected.add(new String[] {"Usage : " + name + " <port>\n", ""});
                    runs.add(c ? Run.command(name, "99999") : Run.listing(name, "99999"));
                    expected.add(new String[] {"", "bad port '99999': give a number from 1 to 65535\n"});
                    runs.add(c ? Run.command(name, busy) : Run.listing(name, busy));
                    expected.add(new String[] {"", "bind() error: Address already in use\n"});
                }
            }
            List<Result> results = Run.all(runs);
            for (int i = 0; i < runs.size(); i++) {
                Result r = results.get(i);
                assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
                assertThat(r.stdout()).as(r.toString()).isEqualTo(expected.get(i)[0]);
                assertThat(r.stderr()).as(r.toString()).isEqualTo(expected.get(i)[1]);
            }
        }
    }
}
