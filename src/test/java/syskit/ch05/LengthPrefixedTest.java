package syskit.ch05;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
import syskit.harness.Tcp;

/**
 * The checks of the exercise ch05/length_prefixed (exercises/ch05/length_prefixed/README.md). The
 * answer runs as a real process; the checks play the server with plain java.net, so they see
 * every byte it sends and decide how the replies are cut.
 */
@Tag("exercise")
@Tag(LengthPrefixedTest.EXERCISE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LengthPrefixedTest {
    static final String EXERCISE = "ch05/length_prefixed";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    @Order(1)
    @DisplayName("each line goes out as a 4-byte length in network byte order, then the line's bytes (no newline, no NUL)")
    void eachLineIsSentAfterItsLength() throws IOException {
        converse(List.of("Hello", "How are you?", "Bye"), List.of("Hi, client", "Fine, thanks", "See you"), false);
    }

    @Test
    @Order(2)
    @DisplayName("a reply whose length and text arrive in pieces is read whole")
    void aReplyInPiecesIsReadWhole() throws IOException {
        converse(List.of("one", "two", "three"), List.of("first reply", "second reply", "third reply"), true);
    }

    @Test
    @Order(3)
    @DisplayName("a reply shorter than the line you sent is printed without leftovers of your line")
    void aShortReplyHasNoLeftovers() throws IOException {
        converse(List.of("a rather long first line", "another long line here", "and a third long one"),
                List.of("ok", "yes", "no"), false);
    }

    /** Plays the server for three rounds, then checks what the answer sent and printed. */
    private static void converse(List<String> lines, List<String> replies, boolean inPieces) throws IOException {
        List<String> received = new ArrayList<>();
        String problem = null;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = Run.listing(EXERCISE, "127.0.0.1", Integer.toString(server.getLocalPort()))
                     .stdin(String.join("\n", lines) + "\n").timeout(TIMEOUT).start()) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            try (Socket s = server.accept()) {
                s.setSoTimeout((int) TIMEOUT.toMillis());
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 3 && problem == null; i++) {
                    byte[] prefix = in.readNBytes(4);
                    if (prefix.length < 4) {
                        problem = Checks.text("LengthPrefixedTest.closedEarly", prefix.length, i + 1);
                        break;
                    }
                    int len = ByteBuffer.wrap(prefix).getInt();   // ByteBuffer is big endian: network order
                    String expected = lines.get(i);
                    if (len != expected.length()) {
                        problem = Checks.text("LengthPrefixedTest.wrongLength", i + 1, expected, expected.length(),
                                HexFormat.ofDelimiter(" ").formatHex(prefix), len,
                                Integer.reverseBytes(len) == expected.length() ? Checks.text("LengthPrefixedTest.hostOrder") : "");
                        break;
                    }
                    String text = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                    received.add(text);
                    if (!text.equals(expected)) {
                        problem = Checks.text("LengthPrefixedTest.wrongText", i + 1, shown(text), expected);
                        break;
                    }
                    byte[] reply = replies.get(i).getBytes(StandardCharsets.UTF_8);
                    byte[] msg = ByteBuffer.allocate(4 + reply.length).putInt(reply.length).put(reply).array();
                    if (!inPieces) {
                        out.write(msg);
                    } else {   // length in two halves, text in two parts, each read by the client before the next
                        int[] cuts = {0, 2, 4, 4 + reply.length / 2, msg.length};
                        for (int k = 0; k + 1 < cuts.length; k++) {
                            out.write(msg, cuts[k], cuts[k + 1] - cuts[k]);
                            out.flush();
                            if (k + 2 < cuts.length) awaitRead(s, c);
                        }
                    }
                    out.flush();
                }
                if (problem == null && in.read() != -1) {
                    problem = Checks.text("LengthPrefixedTest.moreBytes");
                }
            } catch (IOException e) {
                if (problem == null) problem = Checks.text("LengthPrefixedTest.connectionFailed", e.getMessage());
            }
            Result r = c.await();
            String out = r.stdout();
            StringBuilder want = new StringBuilder();
            for (String reply : replies) want.append("Input message: Message from server: ").append(reply).append('\n');
            String pieces = Checks.text("LengthPrefixedTest.pieces");
            if (problem != null) {
                Checks.fail("LengthPrefixedTest.problem", problem, shown(out) + stderr(r), inPieces ? "\n\n" + pieces : "");
            }
            if (r.hung() || !out.equals(want.toString())) {
                String hint = inPieces ? pieces : Checks.text("LengthPrefixedTest.noNul");
                Checks.fail("LengthPrefixedTest.output",
                        r.hung() ? Checks.text("LengthPrefixedTest.hung", TIMEOUT.toSeconds()) : "", shown(out), want, hint, stderr(r));
            }
            if (r.exitStatus() != 0) {
                Checks.fail("LengthPrefixedTest.status", r.exitStatus(), stderr(r));
            }
        }
    }

    /** Waits until the client acknowledged and read everything sent so far (its read() returned). */
    private static void awaitRead(Socket s, Run.Started c) {
        int server = s.getLocalPort(), client = s.getPort();
        Await.until(() -> !c.alive() || Tcp.unacked(server, client) == 0 && Tcp.unread(client, server) <= 0, TIMEOUT);
    }

    private static String shown(String s) {
        return s.replace("\0", "\\0");
    }

    private static String stderr(Result r) {
        return r.stderr().isBlank() ? "" : "\n(stderr: " + r.stderr().strip() + ")";
    }
}
