package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.os.Signal;

/** ch11/echo_storeserver over real TCP on 127.0.0.1, with its store process and its flaws. */
class EchoStoreserverTest {
    static final String ID = "ch11/echo_storeserver";
    static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void echoMpclientGetsEachLineBackAndQuitsOnQ() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir);
             Run.Started client = Run.listing("ch10/echo_mpclient", "127.0.0.1", Integer.toString(port)).stdinPipe().start()) {
            OutputStream in = client.stdin();
            for (String line : List.of("hello\n", "안녕하세요\n")) {
                in.write(line.getBytes(StandardCharsets.UTF_8));
                in.flush();
                assertThat(client.awaitOutput("Message from server: " + line, SHORT)).as(client.stdout()).isTrue();
            }
            in.write("q\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            Result r = client.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo("Message from server: hello\nMessage from server: 안녕하세요\n");
            assertThat(server.awaitOutput("client disconnected...", SHORT)).as(server.stdout()).isTrue();
            assertThat(server.stdout()).startsWith("new client connected...\n");
        }
    }

    @Test
    void twentyConcurrentClientsOfFiftyLinesAreEchoedExactlyAndEveryRemovedPidWasARealChild() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            int store = storeOf(server);
            // Connect one at a time: the listing's backlog is 5, a burst would wait on SYN retries.
            List<Socket> clients = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                clients.add(Tcp.connect(port));
                int connected = c + 1;
                Tcp.await(connected + " clients accepted", SHORT, () -> count(server.stdout(), "new client connected...") == connected);
            }
            Tcp.await("20 echo children", SHORT, () -> Proc.childrenOf(server.pid()).size() == 21);
            Set<Integer> children = pids(Proc.childrenOf(server.pid()));

            List<Future<Boolean>> echoed = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                Socket s = clients.get(c);
                String text = lines("client " + c, 50);
                echoed.add(pool.submit(() -> {
                    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                    s.shutdownOutput();
                    boolean same = Tcp.readAll(s).equals(text);
                    s.close();
                    return same;
                }));
            }
            for (Future<Boolean> f : echoed) assertThat(f.get()).as("a client got exactly its 50 lines back").isTrue();

            // Every child ends (the store after its ten reads); each is then either reaped, with a
            // "Removed proc id" line, or left a zombie by a merged SIGCHLD (see the zombie test).
            Tcp.await("every child reaped or a zombie", SHORT, () -> {
                Set<Integer> removed = removedPids(server.stdout());
                return children.stream().allMatch(p -> removed.contains(p) || Proc.isZombie(p));
            });
            Set<Integer> removed = removedPids(server.stdout());
            assertThat(children).as("Removed proc id names only the server's children").containsAll(removed);
            assertThat(children).contains(store);
            for (int pid : removed) assertThat(Proc.of(pid)).as("pid %d was reaped", pid).isNull();
            assertThat(count(server.stdout(), "client disconnected...")).isEqualTo(20);
        }
    }

    @Test
    void echomsgTxtHoldsWhatTheStoresTenReadsGotAndNothingElse() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            Socket client = Tcp.connect(port);
            // 100-byte lines, one at a time: on loopback a 100-byte write arrives as one read of
            // BUF_SIZE = 100, and the store's read(BUF_SIZE) then takes exactly one line.
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String line = hundredBytes("line " + i);
                sent.add(line);
                assertThat(Tcp.echo(client, line)).isEqualTo(line);
            }
            Tcp.await("the store process ends after ten reads", SHORT, () -> Proc.ended(store));
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).isEqualTo(String.join("", sent.subList(0, 10)));
            assertThat(server.awaitOutput("Removed proc id : " + store + "\n", SHORT)).as(server.stdout()).isTrue();
        }
    }

    @Test
    void onceThePipeIsFullAfterTheStoreLeftEveryEchoChildBlocksInWrite() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            Socket a = Tcp.connect(port);
            Tcp.await("a's child", SHORT, () -> Proc.childrenOf(server.pid()).size() == 2);
            int childA = otherThan(Proc.childrenOf(server.pid()), Set.of(store));

            int echoed = 0;
            a.setSoTimeout(500);
            while (true) {
                String line = hundredBytes("a " + echoed);
                a.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
                if (!awaitEchoOrStall(a, line, childA, store)) break;
                echoed++;
                assertThat(echoed).as("echoes never stopped").isLessThan(2000);
            }
            // Ten lines went to the store, the rest fill the pipe (64 KiB: 640 lines of 100
            // bytes, 40 to a 4 KiB page); the child echoed the next line, then blocked in write().
            assertThat(echoed).as("lines echoed before the stall").isBetween(11, 10 + 655 + 1);
            System.out.println("echo_storeserver stalled after " + echoed + " echoed lines of 100 bytes");
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).hasSize(1000);

            try (Socket b = Tcp.connect(port)) {
                Tcp.await("b's child", SHORT, () -> Proc.childrenOf(server.pid()).stream()
                        .anyMatch(p -> p.pid() != store && p.pid() != childA));
                int childB = otherThan(Proc.childrenOf(server.pid()), Set.of(store, childA));
                b.setSoTimeout(500);
                String first = hundredBytes("b 0");
                b.getOutputStream().write(first.getBytes(StandardCharsets.US_ASCII));
                assertThat(awaitEchoOrStall(b, first, childB, store)).as("b's first line: echoed, then the child blocks").isTrue();
                String second = hundredBytes("b 1");
                b.getOutputStream().write(second.getBytes(StandardCharsets.US_ASCII));
                assertThat(awaitEchoOrStall(b, second, childB, store)).as("b's second line is never echoed").isFalse();
            }
        }
    }

    @Test
    void aClientGoneInTheMiddleOfALineKillsOnlyItsChildThroughSigpipe() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            int store = storeOf(server);
            int child;
            String rest = "ne" + ".".repeat(248);
            try (Socket a = Tcp.connect(port)) {
                assertThat(Tcp.echo(a, "half a li")).isEqualTo("half a li");
                child = otherThan(Proc.childrenOf(server.pid()), Set.of(store));
                // 250 more bytes come while the child is stopped, then the client vanishes:
                // close() with linger 0 sends RST.
                Signal.kill(child, Signal.SIGSTOP);
                Tcp.await("the child stopped", SHORT, () -> Proc.of(child).state() == 'T');
                a.getOutputStream().write(rest.getBytes(StandardCharsets.US_ASCII));
                a.setSoLinger(true, 0);
            }
            Signal.kill(child, Signal.SIGCONT);
            // The child reads 100 bytes; its echo fails with ECONNRESET; it copies them to the
            // pipe and reads 100 more; this echo meets the closed connection: SIGPIPE, back at
            // C's default, kills the child there, as it would kill the C one.
            Tcp.await("the child reaped", SHORT, () -> Proc.of(child) == null);
            Tcp.await("the store wrote what reached the pipe", SHORT, () -> dir.resolve("echomsg.txt").toFile().length() >= 109);
            assertThat(Files.readString(dir.resolve("echomsg.txt"))).isEqualTo("half a li" + rest.substring(0, 100));
            assertThat(server.stdout()).doesNotContain("client disconnected...")
                    .doesNotContain("Removed proc id : " + child + "\n");
            try (Socket b = Tcp.connect(port)) {
                assertThat(Tcp.echo(b, "still here\n")).isEqualTo("still here\n");
            }
            assertThat(server.alive()).isTrue();
        }
    }

    @Test
    void twoChildrenEndingTogetherLeaveOneZombieBecauseTheirSigchldsMerge() throws IOException {
        int port = Tcp.freePort();
        try (Run.Started server = Tcp.serve(ID, port, dir)) {
            Set<Integer> children = twoChildrenEndWhileTheServerIsStopped(server, port);

            Tcp.await("one Removed line", SHORT, () -> !removedPids(server.stdout()).isEmpty());
            Set<Integer> removed = removedPids(server.stdout());
            assertThat(removed).hasSize(1);
            assertThat(children).containsAll(removed);
            // The handler has run and the server waits in accept() again: nothing will reap the other.
            assertThat(children.stream().filter(Proc::isZombie).toList()).hasSize(1);
            assertThat(server.alive()).isTrue();
        }
    }

    @Test
    void aPortInUseIsABindErrorWithItsReason() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result r = Run.listing(ID, Integer.toString(taken.getLocalPort())).dir(dir).run();
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    @Test
    void aBadPortOrAMissingArgumentExits1WithAClearMessage() {
        for (String bad : List.of("abc", "0", "65536", "-5", "80x")) {
            Result r = Run.listing(ID, bad).dir(dir).run();
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("bad port '" + bad + "': give a number from 1 to 65535\n");
        }
        Result none = Run.listing(ID).dir(dir).run();
        assertThat(none.exitStatus()).isEqualTo(1);
        assertThat(none.stdout()).isEqualTo("Usage : ch11/echo_storeserver <port>\n");
        assertThat(Run.listing(ID, "1", "2").dir(dir).run().exitStatus()).isEqualTo(1);
    }

    // ---- helpers shared with EchoStoreserverFixedTest

    /** The store process: the server's only child before any client comes. */
    static int storeOf(Run.Started server) {
        Tcp.await("the store process", SHORT, () -> Proc.childrenOf(server.pid()).size() == 1);
        return Proc.childrenOf(server.pid()).get(0).pid();
    }

    /**
     * Reads the echo of line; true when it came, false when it never can: the store is gone and
     * the child sleeps while its connection holds bytes it has not read, so it is not waiting
     * for the socket but for room in the pipe (the kit's write waits in poll, not in write).
     * Checked in this order so that an echo sent meanwhile is seen (available() last).
     */
    static boolean awaitEchoOrStall(Socket s, String line, int child, int store) throws IOException {
        byte[] got = new byte[line.length()];
        int n = 0;
        long end = System.nanoTime() + SHORT.toNanos();
        while (n < got.length) {
            try {
                int r = s.getInputStream().read(got, n, got.length - n);
                if (r == -1) throw new AssertionError("connection closed");
                n += r;
            } catch (SocketTimeoutException e) {
                if (n == 0 && Proc.ended(store) && Tcp.unread(s.getPort(), s.getLocalPort()) > 0
                        && Proc.of(child).state() == 'S' && s.getInputStream().available() == 0) return false;
                if (System.nanoTime() > end) throw new AssertionError("no echo and no stall of child " + child);
            }
        }
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo(line);
        return true;
    }

    static String hundredBytes(String label) {
        return (label + " " + ".".repeat(100)).substring(0, 99) + "\n";
    }

    static String lines(String label, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) text.append(label).append(" line ").append(i).append('\n');
        return text.toString();
    }

    static Set<Integer> removedPids(String stdout) {
        Set<Integer> pids = new HashSet<>();
        Matcher m = Pattern.compile("^Removed proc id : (-?\\d+)$", Pattern.MULTILINE).matcher(stdout);
        while (m.find()) pids.add(Integer.parseInt(m.group(1)));
        return pids;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    static Set<Integer> pids(List<Proc> procs) {
        Set<Integer> pids = new HashSet<>();
        for (Proc p : procs) pids.add(p.pid());
        return pids;
    }

    static int otherThan(List<Proc> procs, Set<Integer> known) {
        return procs.stream().map(Proc::pid).filter(p -> !known.contains(p)).findFirst()
                .orElseThrow(() -> new AssertionError("no new child among " + procs));
    }


    /**
     * Connects two clients, stops the server (SIGSTOP), closes both, waits until both echo
     * children are zombies, then lets the server go on (SIGCONT). Both SIGCHLDs arrive while the
     * server cannot run its handler, so the second finds the first still pending and merges into
     * it. Returns the two children's pids.
     */
    static Set<Integer> twoChildrenEndWhileTheServerIsStopped(Run.Started server, int port) throws IOException {
        int store = storeOf(server);
        Socket a = Tcp.connect(port), b = Tcp.connect(port);
        Tcp.await("two echo children", SHORT, () -> Proc.childrenOf(server.pid()).size() == 3);
        Set<Integer> children = pids(Proc.childrenOf(server.pid()));
        children.remove(store);
        server.signal(Signal.SIGSTOP);
        Tcp.await("the server stopped", SHORT, () -> Proc.of(server.pid()).state() == 'T');
        a.close();
        b.close();
        Tcp.await("both children zombies", SHORT, () -> children.stream().allMatch(Proc::isZombie));
        server.signal(Signal.SIGCONT);
        return children;
    }
}
