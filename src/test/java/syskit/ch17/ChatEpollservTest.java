package syskit.ch17;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Run.Started;
import syskit.harness.Tcp;

/**
 * The checks of the exercise ch17/chat_epollserv (exercises/ch17/chat_epollserv/README.md): the
 * server runs as a real process, real TCP clients on 127.0.0.1 talk through it, and the checks
 * look from outside: what each client receives, what the server prints, which sockets it holds
 * and how it registered them with epoll (/proc/PID/fdinfo).
 */
@Tag("exercise")
@Tag(ChatEpollservTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatEpollservTest {
    static final String EXERCISE = "ch17/chat_epollserv";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final int EPOLLET = 1 << 31, O_NONBLOCK = 04000;

    @Test
    @Order(1)
    @DisplayName("three clients take turns: every message reaches every other client once, and not its sender")
    void everyMessageReachesEveryOtherClientOnce() {
        for (String mode : List.of("lt", "et")) {
            try (Started server = server(mode); Clients c = new Clients(server, mode, 3)) {
                for (int k = 0; k < 3; k++) c.say(k, "hello from client " + k + "\n");
                c.say(0, "and client 0 again\n");
                c.expectAllHeard();
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("a client that leaves is removed: closed once, its socket closed, and no other client is dropped")
    void aClientThatLeavesIsRemovedWithoutDroppingAnother() {
        for (String mode : List.of("lt", "et")) {
            try (Started server = server(mode); Clients c = new Clients(server, mode, 4)) {
                c.say(1, "client 1 says goodbye\n");
                c.leave(1);
                if (!Await.until(() -> count(server.stdout(), "closed client") >= 1, WAIT)) {
                    Checks.fail("ChatEpollservTest.neverClosed", mode, server.stdout());
                }
                for (int k : List.of(0, 2, 3)) c.say(k, "still here: client " + k + "\n");
                c.expectAllHeard();
                int closed = count(server.stdout(), "closed client");
                if (closed != 1) {
                    Checks.fail("ChatEpollservTest.closedTwice", mode, closed);
                }
                long sockets = Proc.fds(server.pid()).values().stream().filter(t -> t.startsWith("socket:")).count();
                if (sockets != 4) {
                    Checks.fail("ChatEpollservTest.socketsLeft", mode, sockets);
                }
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("edge-triggered: a message longer than BUF_SIZE, sent in one write, arrives whole")
    void edgeTriggeredDrainsEachSocket() {
        String big = "x".repeat(999) + "\n";
        for (String mode : List.of("et", "lt")) {
            try (Started server = server(mode); Clients c = new Clients(server, mode, 2)) {
                c.send(0, big);
                if (!Await.until(() -> c.heard(1).length() >= big.length(), Duration.ofSeconds(5))) {
                    Checks.fail("ChatEpollservTest.notDrained", mode, big.length(), c.heard(1).length());
                }
                c.expected.get(1).append(big);
                c.expectAllHeard();
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("the mode argument picks the triggering: et registers clients with EPOLLET on non-blocking sockets, lt without")
    void theModeArgumentPicksTheTriggering() {
        for (String mode : List.of("lt", "et")) {
            try (Started server = server(mode); Clients c = new Clients(server, mode, 1)) {
                List<String> found = new ArrayList<>();
                for (Map.Entry<Integer, Integer> e : registered(server.pid()).entrySet()) {
                    int fd = e.getKey(), events = e.getValue();
                    String target = Proc.fds(server.pid()).getOrDefault(fd, "");
                    boolean listening = fd == listeningFd(server.pid());
                    if (listening || !target.startsWith("socket:")) continue;
                    boolean et = (events & EPOLLET) != 0, nonblocking = (flags(server.pid(), fd) & O_NONBLOCK) != 0;
                    found.add(Checks.text("ChatEpollservTest.watched", fd, et ? "EPOLLET" : Checks.text("ChatEpollservTest.levelTriggered"),
                            nonblocking ? "O_NONBLOCK" : Checks.text("ChatEpollservTest.blocking")));
                    if (mode.equals("et") && !(et && nonblocking)) {
                        Checks.fail("ChatEpollservTest.notEt", fd,
                                Checks.text(et ? "ChatEpollservTest.withEpollet" : "ChatEpollservTest.withoutEpollet"),
                                Checks.text(nonblocking ? "ChatEpollservTest.nonBlocking" : "ChatEpollservTest.blocking"));
                    }
                    if (mode.equals("lt") && et) {
                        Checks.fail("ChatEpollservTest.notLt", fd);
                    }
                }
                if (found.size() != 1) {
                    Checks.fail("ChatEpollservTest.notOneWatched", mode, found.size(), found);
                }
            }
        }
        Result usage = Run.listing(EXERCISE, Integer.toString(Tcp.freePort())).run();
        if (usage.exitStatus() != 1 || !usage.stdout().equals("Usage : " + EXERCISE + " <port> <lt|et>\n")) {
            Checks.fail("ChatEpollservTest.usage", EXERCISE, usage.stdout(), usage.exitStatus());
        }
    }

    // ---- helpers ----

    static Started server(String mode) {
        int port = Tcp.freePort();
        Started s = Run.listing(EXERCISE, Integer.toString(port), mode).timeout(Duration.ofSeconds(60)).start();
        if (!Await.until(() -> Tcp.listening(port) || !s.alive(), Duration.ofSeconds(30)) || !s.alive()) {
            Result r = s.await();
            Checks.fail("ChatEpollservTest.notListening", mode, port, r);
        }
        serverPorts.put(s.pid(), port);
        return s;
    }

    static final Map<Integer, Integer> serverPorts = new java.util.concurrent.ConcurrentHashMap<>();

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    /** The descriptors an epoll instance of the process watches, with their event masks (/proc/PID/fdinfo). */
    static Map<Integer, Integer> registered(int pid) {
        Map<Integer, Integer> watched = new java.util.TreeMap<>();
        for (int fd : Proc.fds(pid).keySet()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "fdinfo", Integer.toString(fd)))) {
                    if (line.startsWith("tfd:")) {
                        String[] f = line.trim().split("\\s+");
                        watched.put(Integer.parseInt(f[1]), (int) Long.parseLong(f[3], 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone, or not readable: not an epoll descriptor of interest
            }
        }
        return watched;
    }

    /** The file status flags of a descriptor (octal "flags:" in /proc/PID/fdinfo/FD). */
    static int flags(int pid, int fd) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "fdinfo", Integer.toString(fd)))) {
                if (line.startsWith("flags:")) return Integer.parseInt(line.substring(6).trim(), 8);
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    /** The lowest-numbered socket watched by epoll is the listening one: it is created first. */
    static int listeningFd(int pid) {
        return registered(pid).keySet().stream().filter(fd -> Proc.fds(pid).getOrDefault(fd, "").startsWith("socket:"))
                .findFirst().orElse(-1);
    }

    /**
     * n clients connected in turn (each awaited in the server's output), each with a thread that
     * collects what it receives. {@code expected} is what each should have heard so far.
     */
    static final class Clients implements AutoCloseable {
        final Started server;
        final String mode;
        final List<Socket> sockets = new ArrayList<>();
        final List<ByteArrayOutputStream> received = new ArrayList<>();
        final List<StringBuilder> expected = new ArrayList<>();
        final List<Boolean> left = new ArrayList<>();

        Clients(Started server, String mode, int n) {
            this.server = server;
            this.mode = mode;
            int port = serverPorts.get(server.pid());
            for (int k = 0; k < n; k++) {
                Socket s = Tcp.connect(port);
                sockets.add(s);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                received.add(got);
                expected.add(new StringBuilder());
                left.add(false);
                Thread.ofVirtual().start(() -> collect(s, got));
                int connected = k + 1;
                if (!Await.until(() -> count(server.stdout(), "connected client") >= connected, WAIT)) {
                    Checks.fail("ChatEpollservTest.notConnected", mode, connected, count(server.stdout(), "connected client"), server.stdout());
                }
            }
        }

        private static void collect(Socket s, ByteArrayOutputStream got) {
            try {
                InputStream in = s.getInputStream();
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (got) {
                        got.write(b, 0, n);
                    }
                }
            } catch (IOException e) {
                // closed by the test, or reset
            }
        }

        String heard(int k) {
            synchronized (received.get(k)) {
                return received.get(k).toString(StandardCharsets.UTF_8);
            }
        }

        void send(int k, String text) {
            try {
                sockets.get(k).getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                Checks.fail("ChatEpollservTest.cannotSend", mode, k, e);
            }
        }

        /** Client k sends a line; every other client still connected must receive it before the next one speaks. */
        void say(int k, String line) {
            send(k, line);
            for (int j = 0; j < sockets.size(); j++) {
                if (j == k || left.get(j)) continue;
                expected.get(j).append(line);
                int other = j;
                String want = expected.get(j).toString();
                if (!Await.until(() -> heard(other).length() >= want.length(), WAIT)) {
                    Checks.fail("ChatEpollservTest.notReceived", mode, k, inline(line), other,
                            WAIT.toSeconds(), quoted(heard(other)));
                }
            }
        }

        void leave(int k) {
            try {
                sockets.get(k).close();
            } catch (IOException e) {
                // closed anyway
            }
            left.set(k, true);
        }

        /** Each connected client heard exactly what the others said, in order, once: nothing more (its own lines included). */
        void expectAllHeard() {
            // A last message from one client, so anything sent back to a sender would already have arrived.
            int last = left.indexOf(false);
            say(last, "over\n");
            for (int j = 0; j < sockets.size(); j++) {
                if (left.get(j)) continue;
                String want = expected.get(j).toString(), got = heard(j);
                if (!got.equals(want)) {
                    Checks.fail("ChatEpollservTest.otherReceived", mode, j, quoted(want), quoted(got));
                }
            }
        }

        @Override
        public void close() {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
    }

    static String inline(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    static String quoted(String s) {
        return "  \"" + s.replace("\n", "\\n") + "\"";
    }
}
