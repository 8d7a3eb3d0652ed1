package syskit.ch05;

import static org.assertj.core.api.Assertions.fail;

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
import syskit.harness.Peers;
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
                        problem = "Your program closed the connection (or sent only " + prefix.length
                                + " bytes) where the 4-byte length of line " + (i + 1) + " should be.";
                        break;
                    }
                    int len = ByteBuffer.wrap(prefix).getInt();   // ByteBuffer is big endian: network order
                    String expected = lines.get(i);
                    if (len != expected.length()) {
                        problem = String.format("For line %d, \"%s\" (%d bytes), the 4 length bytes were %s, which is %d "
                                + "in network byte order (big endian).%s Send the length of the line without its newline, "
                                + "as htonl(str_len).", i + 1, expected, expected.length(), HexFormat.ofDelimiter(" ").formatHex(prefix),
                                len, Integer.reverseBytes(len) == expected.length() ? " The bytes are in host order: you forgot htonl." : "");
                        break;
                    }
                    String text = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                    received.add(text);
                    if (!text.equals(expected)) {
                        problem = "After the length of line " + (i + 1) + " came \"" + shown(text) + "\" instead of \"" + expected + "\".";
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
                    problem = "After the three rounds your program sent more bytes instead of closing the connection.";
                }
            } catch (IOException e) {
                if (problem == null) problem = "The connection failed: " + e.getMessage() + ".";
            }
            Result r = c.await();
            String out = r.stdout();
            StringBuilder want = new StringBuilder();
            for (String reply : replies) want.append("Input message: Message from server: ").append(reply).append('\n');
            String pieces = "The replies came in pieces: the length in two halves of 2 bytes, the text in two parts. One read() "
                    + "returns only what has arrived; call read() until you have all 4 bytes of the length, then all the bytes of the text.";
            if (problem != null) {
                fail("%s%n%nYour program printed:%n%s%s", problem, shown(out) + stderr(r), inPieces ? "\n\n" + pieces : "");
            }
            if (r.hung() || !out.equals(want.toString())) {
                String hint = inPieces ? pieces
                        : "Each reply is printed as \"Message from server: <text>\". The reply carries no NUL: after reading its "
                          + "bytes, put message[str_len] = 0, or the end of your own longer line shows after it.";
                fail("%sYour program printed:%n%s%nIt should print:%n%s%n%s%s",
                        r.hung() ? "Your program did not end within " + TIMEOUT.toSeconds() + " s. " : "", shown(out), want, hint, stderr(r));
            }
            if (r.exitStatus() != 0) {
                fail("Your program ended with exit status %d instead of 0.%s", r.exitStatus(), stderr(r));
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
