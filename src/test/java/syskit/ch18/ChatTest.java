package syskit.ch18;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Await;
import syskit.harness.Peers.Lang;
import syskit.harness.CReference;
import syskit.harness.Peer;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch18/chat_server and ch18/chat_clnt over real TCP on 127.0.0.1, Java and C, each flaw made to
 * happen on purpose, and the fixed variants under load. Plain Java sockets (Peer) stand in for
 * clients where the test must control exactly when each one reads.
 */
class ChatTest {
    static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The Java port (id) or its C reference (c) as a server on the port, returned once it listens. */
    Run.Started server(String id, boolean c, int port) {
        Run run = Lang.of(!c).run(id, Integer.toString(port));
        return Tcp.serve(run.dir(dir), port);
    }

    /** A chat client; the C one under stdbuf -oL, so that its stdout (a file) shows each line as it comes. */
    static Run.Started client(String id, boolean c, int port, String name) {
        Run run = c ? Run.command("stdbuf", "-oL", CReference.build(id), "127.0.0.1", Integer.toString(port), name)
                : Run.listing(id, "127.0.0.1", Integer.toString(port), name);
        return run.stdinPipe().timeout(Duration.ofSeconds(60)).start();
    }

    static void type(Run.Started s, String line) {
        try {
            OutputStream in = s.stdin();
            in.write(line.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new AssertionError("could not type into the client: " + e);
        }
    }

    @Test
    void threeJavaAndCClientsEachSeeEveryMessageAndQEndsThem() {
        threeClients(false, new boolean[] {false, false, true});   // Java server: Java, Java and C clients
        threeClients(true, new boolean[] {true, true, false});     // C server: C, C and Java clients
    }

    private void threeClients(boolean cServer, boolean[] cClient) {
        int port = Tcp.freePort();
        String[] names = {"ann", "bob", "cyd"};
        try (Run.Started server = server("ch18/chat_server", cServer, port)) {
            List<Run.Started> clients = new ArrayList<>();
            try {
                // One after another, each started only once the one before has seen its own line: then
                // all three are in the server's list, and no two connect while the book's server
                // still passes &clnt_sock to the thread of the one before (flaw 4 of the guide).
                for (int i = 0; i < 3; i++) {
                    clients.add(client("ch18/chat_clnt", cClient[i], port, names[i]));
                    type(clients.get(i), "hello from " + names[i] + "\n");
                    Run.Started me = clients.get(i);
                    assertThat(me.awaitOutput("[" + names[i] + "] hello from " + names[i] + "\n", SHORT))
                            .as("server %s, the client's own line:\n%s", cServer ? "C" : "Java", me.stdout()).isTrue();
                }
                for (int i = 0; i < 3; i++) type(clients.get(i), "again from " + names[i] + "\n");
                for (Run.Started c : clients) {
                    for (String n : names) {
                        assertThat(c.awaitOutput("[" + n + "] again from " + n + "\n", SHORT))
                                .as("server %s, a client's output:\n%s", cServer ? "C" : "Java", c.stdout()).isTrue();
                    }
                }
                for (Run.Started c : clients) {
                    type(c, "q\n");
                    Result r = c.await();
                    assertThat(r.exitStatus()).as(r.toString()).isZero();
                    for (String n : names) assertThat(r.stdout().split("\\[" + n + "\\] again from", -1)).as(r.stdout()).hasSize(2);
                }
                assertThat(server.alive()).isTrue();
            } finally {
                clients.forEach(Run.Started::close);
            }
        }
    }

    /** A, B, C join in that order; A leaves. The listing's removal loop then drops B, not A. */
    @Test
    void removingAClientFromTheListDropsTheNextOne() {
        for (boolean c : new boolean[] {false, true}) {
            List<String> seen = removal("ch18/chat_server", c);
            assertThat(seen.get(0)).as("B after A left (%s server): B is no longer in the list", c ? "C" : "Java").isEmpty();
        }
        List<String> fixed = removal("ch18/chat_server_fixed", false);
        assertThat(fixed.get(0)).as("B after A left, fixed server").isEqualTo("[C] x\n[B] y\n");
    }

    /** What B receives after A left, while C and then B itself send one line each. */
    private List<String> removal(String id, boolean c) {
        int port = Tcp.freePort();
        // One at a time: the listing's threads read their descriptor through a pointer to main's
        // clnt_sock, which a second accept() may overwrite before the first thread has read it.
        try (Run.Started server = server(id, c, port);
             Peer a = Peer.connect(port).send("[A] hi\n");
             Peer b = Peer.of(a.readUntil("[A] hi\n").isEmpty() ? null : Tcp.connect(port)).send("[B] hi\n");
             Peer cc = Peer.of(b.readUntil("[B] hi\n").isEmpty() ? null : Tcp.connect(port)).send("[C] hi\n")) {
            // each one's own line came back: all three are in the list, in this order
            cc.readUntil("[C] hi\n");
            a.readUntil("[C] hi\n");
            b.readUntil("[C] hi\n");
            int aPort = a.socket.getLocalPort();
            a.close();   // nothing unread: an orderly close (FIN), read() returns 0 in A's thread
            // the server closes A's descriptor after updating the list: A's side then reaches TIME_WAIT
            Tcp.await("the server to close A's connection", SHORT, () -> Tcp.TIME_WAIT.equals(Tcp.state(aPort, port)));
            cc.send("[C] x\n").readUntil("[C] x\n");
            b.send("[B] y\n");
            cc.readUntil("[B] y\n");
            // every write of both broadcasts is done (C got both, and C comes after B in any list)
            String toB = "";
            if (id.endsWith("fixed")) {
                toB = b.readUntil("[B] y\n").substring(b.received().indexOf("[C] hi\n") + "[C] hi\n".length());
            } else {
                assertThat(b.available()).as("bytes waiting for B").isZero();
            }
            assertThat(server.alive()).isTrue();
            return List.of(toB);
        }
    }

    /**
     * S joins first and stops reading; V joins second; W third and sends until the server's
     * thread is stuck writing to S, holding the mutex. V then vanishes (a reset, as when a client
     * is killed with data unread). When S reads again, the same broadcast goes on to V, whose
     * connection is dead: EPIPE, and SIGPIPE ends the whole server.
     */
    @Test
    void aClientThatVanishesKillsTheServerBySigpipe() throws Exception {
        for (boolean c : new boolean[] {false, true}) {
            Result r = vanish("ch18/chat_server", c);
            assertThat(r.signal()).as("%s server: %s", c ? "C" : "Java", r).isEqualTo(13);
        }
        Result fixed = vanish("ch18/chat_server_fixed", false);
        assertThat(fixed.hung()).as("the fixed server is still running: %s", fixed).isTrue();
    }

    private Result vanish(String id, boolean c) throws Exception {
        int port = Tcp.freePort();
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Run.Started server = server(id, c, port);
             Peer s = Peer.connectWithReceiveBuffer(port, 2048)) {
            s.send("[S] hi\n").readUntil("[S] hi\n");
            Peer v = Peer.connect(port);
            v.send("[V] hi\n").readUntil("[V] hi\n");
            try (Peer w = Peer.connect(port)) {
                w.send("[W] hi\n").readUntil("[W] hi\n");
                v.readUntil("[W] hi\n");
                // V and W read everything that comes; W sends until the server blocks
                pool.submit(() -> drain(v));
                pool.submit(() -> drain(w));
                Future<?> sending = pool.submit(() -> {
                    String line = "[W] " + "w".repeat(90) + "\n";
                    for (int i = 0; i < 200_000; i++) w.send(line);
                    return null;
                });
                Tcp.await("a server thread stuck writing to S", SHORT,
                        () -> Proc.syscalls(server.pid()).stream().anyMatch(t -> t.nr() == 1 && t.state() == 'S'));
                int vPort = v.socket.getLocalPort();
                v.reset();
                Tcp.await("the server to take V's reset", SHORT, () -> Tcp.state(port, vPort) == null);
                pool.submit(() -> drain(s));
                if (!Await.until(() -> !server.alive(), Duration.ofSeconds(id.endsWith("fixed") ? 1 : 20))) {
                    sending.cancel(true);
                    return server.kill();
                }
                return server.await();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void drain(Peer p) {
        try {
            byte[] buf = new byte[65536];
            while (p.socket.getInputStream().read(buf) >= 0) { /* discard */ }
        } catch (IOException e) {
            // closed or reset: done
        }
        return null;
    }

    /** Once the server closes, chat_clnt's read() returns 0 for ever: its receiving thread spins. */
    @Test
    void theClientSpinsAtFullCpuOnceTheServerCloses() throws IOException {
        for (boolean c : new boolean[] {false, true}) {
            try (ServerSocket fake = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
                 Run.Started client = client("ch18/chat_clnt", c, fake.getLocalPort(), "spin")) {
                Socket conn = fake.accept();
                conn.close();
                long before = Proc.cpuTicks(client.pid());
                // half a second of CPU time, where an idle client would use none; 30 s is only a bound
                boolean spun = Await.until(() -> Proc.cpuTicks(client.pid()) - before >= 50, Duration.ofSeconds(30));
                assertThat(spun).as("%s client: CPU ticks after the server closed: %d", c ? "C" : "Java",
                        Proc.cpuTicks(client.pid()) - before).isTrue();
                assertThat(client.alive()).isTrue();
            }
        }
        try (ServerSocket fake = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             Run.Started client = client("ch18/chat_clnt_fixed", false, fake.getLocalPort(), "calm")) {
            fake.accept().close();
            assertThat(client.awaitExit(SHORT)).as("the fixed client ends when the server closes").isTrue();
            Result r = client.await();
            assertThat(r.exitStatus()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("the server closed the connection\n");
        }
    }

    /** 20 clients send 50 lines each, all at once: each line reaches every client exactly once. */
    @Test
    void theFixedServerCarries20ClientsTimes50Messages() throws Exception {
        int port = Tcp.freePort();
        int clients = 20, messages = 50;
        ExecutorService pool = Executors.newFixedThreadPool(2 * clients);
        try (Run.Started server = server("ch18/chat_server_fixed", false, port)) {
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Peer p = Peer.connect(port);
                p.send("[c" + i + "] joined\n").readUntil("[c" + i + "] joined\n");
                peers.add(p);
            }
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Peer p = peers.get(i);
                int me = i;
                pool.submit(() -> {
                    for (int m = 0; m < messages; m++) p.send("[c" + me + "] message " + m + " " + "x".repeat(me) + "\n");
                    return null;
                });
                // its own joined line is read; the joined lines of those after it and every message follow
                got.add(pool.submit(() -> p.readLines(1 + (clients - 1 - me) + clients * messages)));
            }
            for (int i = 0; i < clients; i++) {
                String text = got.get(i).get();
                List<String> lines = text.lines().filter(l -> l.contains("] message ")).toList();
                assertThat(lines).as("client c%d", i).hasSize(clients * messages);
                for (int j = 0; j < clients; j++)
                    for (int m = 0; m < messages; m++)
                        assertThat(lines).as("client c%d", i).containsOnlyOnce("[c" + j + "] message " + m + " " + "x".repeat(j));
            }
            for (Peer p : peers) assertThat(p.available()).as("bytes left over").isZero();
            peers.forEach(Peer::close);
            Tcp.await("every client gone", SHORT, () -> Tcp.established(port) == 0);
            long before = Proc.cpuTicks(server.pid());
            Run.sleepMillis(1000);
            assertThat(Proc.cpuTicks(server.pid()) - before).as("CPU ticks of the idle server in 1 s").isLessThan(50);
            assertThat(server.alive()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsBusyPortAndRefusedConnection() throws IOException {
        String id = "ch18/chat_server";
        Result serverUsage = Run.listing(id).run();
        assertThat(serverUsage.exitStatus()).isEqualTo(1);
        assertThat(serverUsage.stdout()).isEqualTo("Usage : " + id + " <port>\n");
        try (ServerSocket taken = new ServerSocket(0)) {
            Result busy = Run.listing(id, Integer.toString(taken.getLocalPort())).run();
            assertThat(busy.exitStatus()).isEqualTo(1);
            assertThat(busy.stderr()).isEqualTo("bind() error: Address already in use\n");
        }
        Result port = Run.listing("ch18/chat_server", "http").run();
        assertThat(port.exitStatus()).isEqualTo(1);
        assertThat(port.stderr()).isEqualTo("bad port 'http': give a number from 1 to 65535\n");
        Result usage = Run.listing("ch18/chat_clnt", "127.0.0.1", "9190").run();
        assertThat(usage.stdout()).isEqualTo("Usage : ch18/chat_clnt <IP> <port> <name>\n");
        Result refused = Run.listing("ch18/chat_clnt", "127.0.0.1", Integer.toString(Tcp.freePort()), "x").run();
        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("connect() error: Connection refused\n");
        Result cRefused = Lang.C.run("ch18/chat_clnt", "127.0.0.1", Integer.toString(Tcp.freePort()), "x").run();
        assertThat(cRefused.exitStatus()).isEqualTo(1);
        assertThat(cRefused.stderr()).isEqualTo("connect() error: Connection refused\n");
    }
}
