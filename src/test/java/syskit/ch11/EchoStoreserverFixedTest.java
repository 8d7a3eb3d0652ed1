package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;
import static syskit.ch11.EchoStoreserverTest.*;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.os.Signal;

/** ch11/echo_storeserver_fixed: no stall, no zombie, every line stored once and whole. */
class EchoStoreserverFixedTest {
    static final String ID = "ch11/echo_storeserver_fixed";

    @TempDir
    Path dir;

    @Test
    void fiftyClientsOfAHundredLinesAreAllEchoedStoredOnceEachAndLeaveNoZombieOrOrphan() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            int store = storeOf(server);
            List<String> texts = new ArrayList<>();
            List<Future<String>> echoed = new ArrayList<>();
            // Connected one by one, each once the server has accepted it (its backlog is 5: fifty SYNs at
            // once overflow it, and under load a dropped handshake is retried for minutes), then all
            // fifty write, are echoed and stored at once.
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int c = 0; c < 50; c++) {
                    Socket s = Tcp.connect(port);
                    s.setSoTimeout(120_000);   // fifty echoes at once on a loaded machine: no 20 s read limit
                    sockets.add(s);
                    int accepted = c + 1;
                    Tcp.await("the server accepts client " + c, SHORT, () -> count(server.stdout(), "new client connected...") >= accepted);
                }
                for (int c = 0; c < 50; c++) {
                    String text = lines(String.format("client %02d", c), 100);
                    texts.add(text);
                    Socket s = sockets.get(c);
                    echoed.add(pool.submit(() -> {
                        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                        s.shutdownOutput();
                        return Tcp.readAll(s);
                    }));
                }
                for (int c = 0; c < 50; c++) assertThat(echoed.get(c).get()).as("client %d's echo", c).isEqualTo(texts.get(c));
            } finally {
                for (Socket s : sockets) s.close();
            }

            // About 94 KB went through the pipe, past the 64 KiB that stall the listing.
            long bytes = texts.stream().mapToLong(String::length).sum();
            assertThat(bytes).as("more than a full pipe").isGreaterThan(65_536);
            Path echomsg = dir.resolve("echomsg.txt");
            Tcp.await("the store wrote every byte", Duration.ofSeconds(30), () -> size(echomsg) == bytes);
            List<String> stored = Files.readAllLines(echomsg);
            List<String> all = texts.stream().flatMap(String::lines).toList();
            assertThat(stored).as("every line once, whole").containsExactlyInAnyOrderElementsOf(all);

            Tcp.await("every echo child reaped", SHORT, () -> Proc.childrenOf(server.pid()).size() == 1);
            assertThat(Proc.childrenOf(server.pid())).extracting(Proc::pid).containsExactly(store);
            assertThat(Proc.inSession(server.pid())).as("no orphan").extracting(Proc::pid)
                    .containsExactlyInAnyOrder(server.pid(), store);
            assertThat(removedPids(server.stdout())).hasSize(50);
            assertThat(count(server.stdout(), "client disconnected...")).isEqualTo(50);
        }
    }

    @Test
    void twoChildrenEndingTogetherAreBothReapedByTheLoop() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            Set<Integer> children = twoChildrenEndWhileTheServerIsStopped(server, port);

            Tcp.await("both reaped", SHORT, () -> removedPids(server.stdout()).equals(children));
            for (int pid : children) assertThat(Proc.of(pid)).isNull();
        }
    }

    @Test
    void aClientResetInTheMiddleOfALineEndsOnlyItsOwnChild() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            Socket b = Tcp.connect(port);
            assertThat(Tcp.echo(b, "b before\n")).isEqualTo("b before\n");
            try (Socket a = Tcp.connect(port)) {
                assertThat(Tcp.echo(a, "half a li")).isEqualTo("half a li");
                a.setSoLinger(true, 0);   // close() sends RST
            }
            Tcp.await("a's child reaped", SHORT, () -> removedPids(server.stdout()).size() == 1);
            assertThat(Tcp.echo(b, "b after\n")).isEqualTo("b after\n");
            Tcp.await("the store has all three", SHORT, () -> size(dir.resolve("echomsg.txt")) == 9 + 9 + 8);
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).contains("b before\n", "b after\n", "half a li");
            assertThat(Proc.of(store)).isNotNull();
        }
    }

    /**
     * The fixed server promises every message kept. When the store process dies (SIGKILL here;
     * a full disk in life), the lines that follow cannot be kept: the echo still works, but the
     * server says so on stderr, once per client, rather than go on as if nothing were lost.
     */
    @Test
    void whenTheStoreDiesTheServerSaysItsLinesAreNoLongerKept() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            Socket a = Tcp.connect(port);
            assertThat(Tcp.echo(a, "kept\n")).isEqualTo("kept\n");
            Tcp.await("the store has the first line", SHORT, () -> size(dir.resolve("echomsg.txt")) == 5);
            syskit.os.Signal.kill(store, syskit.os.Signal.SIGKILL);
            Tcp.await("the store reaped", SHORT, () -> removedPids(server.stdout()).contains(store));
            assertThat(Tcp.echo(a, "lost 1\n")).isEqualTo("lost 1\n");
            assertThat(Tcp.echo(a, "lost 2\n")).isEqualTo("lost 2\n");
            String said = "echomsg.txt: the store process is gone (Broken pipe): this client's lines are echoed but no longer kept\n";
            Tcp.await("the server's line on stderr", SHORT, () -> server.stderr().contains(said));
            a.close();
            Tcp.await("a's child reaped", SHORT, () -> removedPids(server.stdout()).size() == 2);
            assertThat(server.stderr()).as("once per client").isEqualTo(said);
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).isEqualTo("kept\n");
            assertThat(server.alive()).isTrue();
        }
    }

    @Test
    void afterCtrlCTheStoreStillWritesWhatThePipeHeldThenLeaves() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            Assumptions.assumeFalse(ignoresSigint(server.pid()),
                    "SIGINT is ignored in this environment (inherited SIG_IGN, e.g. a background job): Ctrl-C cannot be shown");
            // The store is stopped only once it ignores SIGINT and has created echomsg.txt: a
            // store stopped before that (a forked JVM child takes a while) would die of the Ctrl-C.
            Tcp.await("the store ready", SHORT, () -> storeReady(store));
            Signal.kill(store, Signal.SIGSTOP);   // the store falls behind: lines wait in the pipe
            Tcp.await("the store stopped", SHORT, () -> Proc.of(store).state() == 'T');
            try (Socket a = Tcp.connect(port)) {
                assertThat(Tcp.echo(a, "kept\n")).isEqualTo("kept\n");
                // The second echo means the child has written the first line into the pipe.
                assertThat(Tcp.echo(a, "kept too\n")).isEqualTo("kept too\n");
                Signal.kill(-server.pid(), Signal.SIGINT);   // what Ctrl-C sends: the whole group
                Tcp.await("the server ended", SHORT, () -> !server.alive());
            }
            Signal.kill(store, Signal.SIGCONT);
            Tcp.await("the store ended at EOF", SHORT, () -> Proc.ended(store));
            Result r = server.await();
            assertThat(r.signal()).as(r.toString()).isEqualTo(Signal.SIGINT);
            assertThat(r.survivors()).isEmpty();
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).isIn("kept\n", "kept\nkept too\n");
        }
    }

    @Test
    void aBadPortExits1WithAClearMessage() {
        Result r = Run.listing(ID, "99999").dir(dir).run();
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("bad port '99999': give a number from 1 to 65535\n");
    }

    /** SigIgn in /proc/PID/status has SIGINT's bit: the process was started with SIGINT ignored. */
    private boolean storeReady(int store) {
        try {
            return ignoresSigint(store) && Files.exists(dir.resolve("echomsg.txt"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean ignoresSigint(int pid) throws java.io.IOException {
        String line = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst().orElseThrow();
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >> (Signal.SIGINT - 1) & 1) == 1;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
