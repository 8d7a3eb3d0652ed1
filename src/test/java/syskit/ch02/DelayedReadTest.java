package syskit.ch02;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import syskit.harness.Tcp;

/**
 * The checks of the exercise ch02/delayed_read (exercises/ch02/delayed_read/README.md). The checks
 * play the server: they write "Hello World!\0" in three pieces, and look, in /proc, at which
 * descriptor the answer is reading from.
 */
@Tag("exercise")
@Tag(DelayedReadTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelayedReadTest {
    static final String EXERCISE = "ch02/delayed_read";
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final String[] PIECES = {"Hello", " World", "!\0"};

    @Test
    @Order(1)
    @DisplayName("after connecting, it waits for Enter (reads stdin) before it reads the socket")
    void itWaitsBeforeItReads() throws IOException {
        session(true);
    }

    @Test
    @Order(2)
    @DisplayName("after Enter, ONE read() returns all three writes: \"Hello World!\" and a read count of 1")
    void oneReadGetsAllThreeWrites() throws IOException {
        session(false);
    }

    private static void session(boolean onlyTheWait) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = Run.listing(EXERCISE, "127.0.0.1", Integer.toString(server.getLocalPort()))
                     .stdinPipe().timeout(TIMEOUT).start()) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            try (Socket s = server.accept()) {
                // Nothing is sent yet: the answer must now sit in read() on stdin, not on its socket.
                String[] where = new String[1];
                boolean settled = Await.until(() -> (where[0] = blockedIn(c.pid())) != null || !c.alive(), TIMEOUT);
                if (!settled || where[0] == null) {
                    if (c.alive()) Checks.fail("DelayedReadTest.noWait.running", c.stdout());
                    Checks.fail("DelayedReadTest.noWait.ended", c.kill(), c.stdout());
                }
                if (where[0].equals("socket")) {
                    Checks.fail("DelayedReadTest.socketFirst", c.stdout());
                }
                if (onlyTheWait) return;

                OutputStream out = s.getOutputStream();
                int server_port = server.getLocalPort(), client_port = s.getPort();
                for (String p : PIECES) {   // three writes, each acknowledged before the next
                    out.write(p.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Tcp.await("a piece delivered", TIMEOUT, () -> Tcp.unacked(server_port, client_port) == 0);
                }
                s.shutdownOutput();   // the server's end after its three writes, as write_thrice_server's close
                c.stdin().write('\n');
                c.stdin().flush();
                Result r;
                try {
                    s.setSoTimeout((int) TIMEOUT.toMillis());
                    s.getInputStream().readAllBytes();   // until the answer closes
                } catch (IOException e) {
                    // it may reset the connection; its output says the rest
                }
                r = c.await();
                String want = "Press Enter to read: Message from server : Hello World! \nFunction read call count: 1 \n";
                if (!r.stdout().equals(want)) {
                    String hint = r.stdout().contains("count: 13")
                            ? Checks.text("DelayedReadTest.thirteenReads")
                            : "";
                    Checks.fail("DelayedReadTest.printed", r.stdout(), want, hint);
                }
                if (r.exitStatus() != 0) Checks.fail("DelayedReadTest.status", r.exitStatus());
            }
        }
    }

    /** "stdin" or "socket" when one of the process's threads is blocked in read() on that kind of descriptor, else null. */
    private static String blockedIn(int pid) {
        Map<Integer, String> fds = Proc.fds(pid);
        for (Proc.Syscall call : Proc.syscalls(pid)) {
            if (call.nr() != Proc.Syscall.READ || call.args().isEmpty()) continue;
            int fd = call.args().get(0).intValue();
            if (fd == 0) return "stdin";
            if (fds.getOrDefault(fd, "").startsWith("socket:")) return "socket";
        }
        return null;
    }
}
