package syskit.ch18;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.Peer;
import syskit.harness.Proc;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.harness.Tool;

/**
 * The checks of the exercise ch18/echo_threadserv (exercises/ch18/echo_threadserv/README.md):
 * the answer runs as a real server; plain sockets play its clients.
 */
@Tag("exercise")
@Tag(EchoThreadservTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EchoThreadservTest {
    static final String EXERCISE = "ch18/echo_threadserv";
    static final Duration BOUND = Duration.ofSeconds(5);

    static Run.Started start(int port) {
        Run.Started s = Run.listing(EXERCISE, Integer.toString(port)).timeout(Duration.ofSeconds(60)).start();
        if (!Await.until(() -> Tcp.listening(port) || !s.alive(), Duration.ofSeconds(20)))
            Checks.fail("EchoThreadservTest.notListening", port, s.stdout(), s.stderr());
        if (!s.alive()) Checks.fail("EchoThreadservTest.endedEarly", s.kill());
        return s;
    }

    @Test
    @Order(1)
    @DisplayName("20 clients at once, 30 lines each: every client gets back exactly its own lines")
    void twentyClientsEachGetTheirOwnLines() throws Exception {
        int port = Tcp.freePort();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try (Run.Started server = start(port)) {
            List<Future<String>> problems = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                int me = c;
                problems.add(pool.submit(() -> {
                    StringBuilder sent = new StringBuilder();
                    try (Peer p = Peer.connect(port)) {
                        for (int i = 0; i < 30; i++) {
                            String line = "client " + me + " line " + i + " " + "abcdefghij".repeat(me % 5) + "\n";
                            sent.append(line);
                            p.send(line);
                        }
                        String got = read(p, sent.length());
                        return got.equals(sent.toString()) ? null
                                : Checks.text("EchoThreadservTest.problem", me, sent, got);
                    }
                }));
            }
            for (Future<String> f : problems) {
                String problem = f.get();
                if (problem != null)
                    Checks.fail("EchoThreadservTest.notOwnLines", problem);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(2)
    @DisplayName("while one thread is still writing from buf, another client's line never replaces it")
    void anotherClientsLineNeverReplacesYours() throws Exception {
        Tool.assumeInstalled("strace", "slow down one thread of the server");
        int port = Tcp.freePort();
        try (Run.Started server = start(port); Peer x = Peer.connect(port)) {
            int pid = server.pid();
            // the thread that serves x: it waits in read() or recv() for x
            int tid = awaitNewWaitingThread(pid, Set.of(), Checks.text("EchoThreadservTest.theFirstClient"));
            try (Peer y = Peer.connect(port)) {
                int other = awaitNewThread(pid, Set.of(tid));
                // strace holds x's thread 1 s at the start of each write(): a wide-open window
                try (Run.Started slow = Run.command("strace", "-qq", "-o", "/dev/null", "-e", "trace=write",
                        "-e", "inject=write:delay_enter=1000000", "-p", Integer.toString(tid)).start()) {
                    if (!Await.until(() -> traced(pid, tid), BOUND))
                        throw new IllegalStateException("strace did not attach to thread " + tid + ": " + slow.kill());
                    x.send("X-LINE\n");
                    Run.sleepMillis(300);   // x's thread has read its line and waits to write it
                    y.send("Y-LINE\n");
                    String toX = x.readUntil("\n"), toY = y.readUntil("\n");
                    if (!toX.equals("X-LINE\n"))
                        Checks.fail("EchoThreadservTest.replacedX", toX.strip());
                    if (!toY.equals("Y-LINE\n"))
                        Checks.fail("EchoThreadservTest.replacedY", toY.strip());
                }
            }
        }
    }

    /** A thread that was not there before and now waits in read() or recv() for its client. */
    static int awaitNewWaitingThread(int pid, Set<Integer> old, String who) {
        int[] found = {-1};
        boolean ok = Await.until(() -> {
            for (Proc.Syscall t : Proc.syscalls(pid))
                if (!old.contains(t.tid()) && t.state() == 'S' && (t.nr() == 0 || t.nr() == 45)
                        && t.tid() != pid && isHandler(pid, t.tid())) {
                    found[0] = t.tid();
                    return true;
                }
            return false;
        }, BOUND);
        if (!ok) Checks.fail("EchoThreadservTest.noThread", who);
        return found[0];
    }

    static int awaitNewThread(int pid, Set<Integer> old) {
        int[] found = {-1};
        Await.until(() -> {
            for (Proc.Syscall t : Proc.syscalls(pid))
                if (!old.contains(t.tid()) && isHandler(pid, t.tid())) {
                    found[0] = t.tid();
                    return true;
                }
            return false;
        }, BOUND);
        return found[0];
    }

    /** A thread started by the listing (pthread_create), not one of the JVM's: the JVM names its own. */
    static boolean isHandler(int pid, int tid) {
        try {
            String comm = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm")).strip();
            return comm.equals("java") && tid != pid && !Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/syscall")).startsWith("43 ");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean traced(int pid, int tid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/task/" + tid + "/status")).stream()
                    .anyMatch(l -> l.startsWith("TracerPid:") && !l.endsWith("\t0"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(3)
    @DisplayName("a client that connects and sends nothing does not hold up the others")
    void anIdleClientDoesNotHoldUpTheOthers() throws Exception {
        int port = Tcp.freePort();
        try (Run.Started server = start(port); Peer idle = Peer.connect(port)) {
            // the idle client's thread is waiting for it before anyone else comes
            Await.until(() -> Proc.syscalls(server.pid()).stream().anyMatch(t -> (t.nr() == 0 || t.nr() == 45 || t.nr() == 202) && t.state() == 'S'), BOUND);
            Run.sleepMillis(300);
            try (Peer busy = Peer.connect(port)) {
                busy.socket.setSoTimeout((int) BOUND.toMillis());
                busy.send("hello\n");
                try {
                    busy.readUntil("hello\n");
                } catch (AssertionError e) {
                    Checks.fail("EchoThreadservTest.heldUp", BOUND.toSeconds());
                }
            }
        }
    }

    /** Reads exactly n bytes (or what came within 20 s). */
    static String read(Peer p, int n) throws IOException {
        InputStream in = p.socket.getInputStream();
        byte[] all = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int k = in.read(all, got, n - got);
                if (k < 0) break;
                got += k;
            }
        } catch (SocketTimeoutException e) {
            // return what came
        }
        return new String(all, 0, got, StandardCharsets.US_ASCII);
    }
}
