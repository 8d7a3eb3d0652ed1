package syskit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;

/**
 * The bad-input checks every socket listing of part 1 passes, all run at once: no arguments
 * (the book's usage line), a port that is not a number from 1 to 65535, an address that does
 * not parse, a refused connection and a port in use. The last two are the book's messages with
 * the reason the kit adds (README.md, "Errors and bad arguments"), checked on the C reference too.
 */
public final class BadInput {
    private BadInput() {}

    /** Checks the servers (argument: port) and clients (arguments: IP port) given by id. */
    public static void check(List<String> servers, List<String> clients) {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String busy = Integer.toString(taken.getLocalPort());
            String refused = Integer.toString(Tcp.freePort());
            List<Run> runs = new ArrayList<>();
            List<Expect> expects = new ArrayList<>();
            for (String id : servers) {
                add(runs, expects, Run.listing(id), id + " (no arguments)", "Usage : " + id + " <port>\n", "");
                add(runs, expects, Run.listing(id, "70000"), id + " 70000", "", "bad port '70000': give a number from 1 to 65535\n");
                add(runs, expects, Run.listing(id, busy), id + " <port in use>", "", "bind() error: Address already in use\n");
                add(runs, expects, Peers.Lang.C.run(id, busy), "C " + id + " <port in use>", "", "bind() error: Address already in use\n");
            }
            for (String id : clients) {
                add(runs, expects, Run.listing(id), id + " (no arguments)", "Usage : " + id + " <IP> <port>\n", "");
                add(runs, expects, Run.listing(id, "localhost:80", "9190"), id + " localhost:80 9190", "",
                        "bad address 'localhost:80': give an IPv4 address such as 127.0.0.1\n");
                add(runs, expects, Run.listing(id, "127.0.0.1", "http"), id + " 127.0.0.1 http", "",
                        "bad port 'http': give a number from 1 to 65535\n");
                add(runs, expects, Run.listing(id, "127.0.0.1", refused), id + " <nobody listening>", "", "connect() error!: Connection refused\n");
                add(runs, expects, Peers.Lang.C.run(id, "127.0.0.1", refused), "C " + id + " <nobody listening>", "", "connect() error!: Connection refused\n");
            }
            List<Result> results = Run.all(runs.toArray(Run[]::new));
            SoftAssertions soft = new SoftAssertions();
            for (int i = 0; i < results.size(); i++) {
                Result r = results.get(i);
                Expect e = expects.get(i);
                soft.assertThat(r.exitStatus()).as("exit status of %s: %s", e.what, r).isEqualTo(1);
                soft.assertThat(r.stdout()).as("stdout of %s", e.what).isEqualTo(e.stdout);
                soft.assertThat(r.stderr()).as("stderr of %s", e.what).isEqualTo(e.stderr);
            }
            soft.assertAll();
            assertThat(results).hasSize(expects.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Expect(String what, String stdout, String stderr) {}

    private static void add(List<Run> runs, List<Expect> expects, Run run, String what, String stdout, String stderr) {
        runs.add(run);
        expects.add(new Expect(what, stdout, stderr));
    }
}
