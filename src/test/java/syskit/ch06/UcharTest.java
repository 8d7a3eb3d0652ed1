package syskit.ch06;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import syskit.harness.Await;
import syskit.harness.Checks;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Run.Started;
import syskit.harness.Udp;

/**
 * The checks of the exercise ch06/uchar (exercises/ch06/uchar/README.md). The test plays the
 * other side with a plain Java UDP socket on 127.0.0.1, then the two halves of the answer
 * talk to each other. Display names and failure messages are what a learner reads.
 */
@Tag("exercise")
@Tag(UcharTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UcharTest {
    static final String EXERCISE = "ch06/uchar";
    static final String PROMPT = "Insert message(q to quit): ";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    @Order(1)
    @DisplayName("server: prints the client's line, then sends the line typed at its prompt back to that client")
    void theServerAnswersWhoeverSentTheLine() throws IOException {
        int port = Udp.freePort();
        try (Started server = Udp.serve(Run.listing(EXERCISE, "server", Integer.toString(port)).stdinPipe(), port);
             DatagramSocket client = Udp.socket()) {
            Udp.send(client, bytes("hello server\n"), port);
            if (!awaitPrompts(server, 1).equals("Message from client: hello server\n" + PROMPT))
                Checks.fail("UcharTest.serverNoLine", PROMPT, server.stdout() + server.stderr());
            type(server, "hi client\n");
            DatagramPacket answer = awaitDatagram(client, server, 1);
            if (answer == null)
                Checks.fail("UcharTest.noAnswer");
            String got = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
            if (!got.equals("hi client\n"))
                Checks.fail("UcharTest.serverWrongSize", answer.getLength(), shown(got));
            Udp.send(client, bytes("bye\n"), port);
            if (!awaitPrompts(server, 2).endsWith("Message from client: bye\n" + PROMPT))
                Checks.fail("UcharTest.noTurns", server.stdout());
            type(server, "q\n");
            Result r = server.await();
            if (r.hung() || r.exitStatus() != 0)
                Checks.fail("UcharTest.serverQuit", r);
        }
    }

    @Test
    @Order(2)
    @DisplayName("client: sends each line as one datagram of just that line, and prints each answer whole")
    void theClientSendsEachLineAndPrintsEachAnswer() throws IOException {
        try (DatagramSocket server = Udp.socket();
             Started client = Run.listing(EXERCISE, "client", "127.0.0.1", Integer.toString(server.getLocalPort()))
                     .stdinPipe().timeout(Duration.ofSeconds(60)).start()) {
            String expected = PROMPT;
            String[][] turns = {{"a first, longer line\n", "a longer answer, client\n"}, {"two\n", "ok\n"}};
            int prompts = 1;
            for (String[] turn : turns) {
                type(client, turn[0]);
                DatagramPacket p = awaitDatagram(server, client, prompts);
                if (p == null) {
                    Checks.fail("UcharTest.noDatagram", shown(turn[0]), client.stdout() + client.stderr());
                    return;
                }
                String got = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                if (!got.equals(turn[0]))
                    Checks.fail("UcharTest.clientWrongSize", p.getLength(), shown(got), shown(turn[0]), turn[0].length());
                server.send(new DatagramPacket(bytes(turn[1]), turn[1].length(), p.getSocketAddress()));
                expected += "Message from server: " + turn[1] + PROMPT;
                String want = expected;
                prompts++;
                if (!awaitPrompts(client, prompts).contains("Message from server: " + turn[1].substring(0, 2)))
                    Checks.fail("UcharTest.noAnswerPrinted", shown(turn[1]), want, client.stdout() + client.stderr());
                if (!client.stdout().equals(want))
                    Checks.fail("UcharTest.leftovers", want, client.stdout());
            }
            type(client, "q\n");
            Result r = client.await();
            if (r.hung() || r.exitStatus() != 0)
                Checks.fail("UcharTest.clientQuit", r);
        }
    }

    @Test
    @Order(3)
    @DisplayName("server and client together: a line each way, in turn")
    void serverAndClientTakeTurns() throws IOException {
        int port = Udp.freePort();
        try (Started server = Udp.serve(Run.listing(EXERCISE, "server", Integer.toString(port)).stdinPipe(), port);
             Started client = Run.listing(EXERCISE, "client", "127.0.0.1", Integer.toString(port)).stdinPipe()
                     .timeout(Duration.ofSeconds(60)).start()) {
            type(client, "hello server\n");
            if (!awaitPrompts(server, 1).equals("Message from client: hello server\n" + PROMPT))
                Checks.fail("UcharTest.lineAtServer", server.stdout() + server.stderr(), client.stdout() + client.stderr());
            type(server, "hello client\n");
            if (!awaitPrompts(client, 2).equals(PROMPT + "Message from server: hello client\n" + PROMPT))
                Checks.fail("UcharTest.answerAtClient", client.stdout() + client.stderr());
            type(client, "q\n");
            Result r = client.await();
            if (r.hung() || r.exitStatus() != 0)
                Checks.fail("UcharTest.quit", r);
        }
    }

    @Test
    @Order(4)
    @DisplayName("no mode or bad arguments: the usage line and status 1")
    void badArgumentsPrintTheUsage() {
        Result r = Run.listing(EXERCISE, "client", "127.0.0.1").run();
        if (r.exitStatus() != 1 || !r.stdout().startsWith("Usage : "))
            Checks.fail("UcharTest.usage", r);
    }

    /** Waits until s has printed its prompt n times in all (or ended), then returns its stdout. */
    private static String awaitPrompts(Started s, int n) {
        Await.until(() -> s.stdout().split(java.util.regex.Pattern.quote(PROMPT), -1).length > n || !s.alive(), WAIT);
        return s.stdout();
    }

    /**
     * The next datagram on sock, sent by the program p, which had printed its prompt `prompts`
     * times; null once p shows it will not send it: back asleep in recvfrom (on loopback a
     * datagram is in the receiver's queue when sendto returns), at a new prompt, or ended.
     */
    private static DatagramPacket awaitDatagram(DatagramSocket sock, Started p, int prompts) throws IOException {
        sock.setSoTimeout(100);
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            boolean movedOn = Udp.inRecvfrom(p.pid())
                    || p.stdout().split(java.util.regex.Pattern.quote(PROMPT), -1).length > prompts + 1 || !p.alive();
            try {
                DatagramPacket d = new DatagramPacket(new byte[65536], 65536);
                sock.receive(d);
                return d;
            } catch (SocketTimeoutException e) {
                if (movedOn) return null;
            }
        }
        return null;
    }

    private static void type(Started s, String line) throws IOException {
        OutputStream in = s.stdin();
        in.write(bytes(line));
        in.flush();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shown(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\0", "\\0") + "\"";
    }
}
