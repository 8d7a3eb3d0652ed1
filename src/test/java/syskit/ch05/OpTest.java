package syskit.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import syskit.harness.BadInput;
import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Proc;
import syskit.harness.Run;
import syskit.harness.Tcp;

/** ch05/op_server, ch05/op_server_fixed and ch05/op_client: the calculator protocol, byte for byte. */
class OpTest {
    static final String INPUT = "3\n12\n24\n36\n+\n";
    static final String OUTPUT = "Connected...........\nOperand count: Operand 1: Operand 2: Operand 3: Operator: Operation result: 72 \n";
    /** What the client sends for INPUT: count 3, three ints in host (little-endian) order, '+'. */
    static final byte[] REQUEST = request(3, new int[] {12, 24, 36}, '+');

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} server")
    @EnumSource(Lang.class)
    void javaAndCClientsGet72FromTheServer(Lang server) {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch05/op_server", port, dir)) {
            for (Lang client : Lang.values()) {
                Result c = client.run("ch05/op_client", "127.0.0.1", Integer.toString(port)).stdin(INPUT).run();
                assertThat(c.exitStatus()).as(client + " client: " + c).isZero();
                assertThat(c.stdout()).as(client + " client").isEqualTo(OUTPUT);
            }
        }
    }

    @ParameterizedTest(name = "{0} op_client")
    @EnumSource(Lang.class)
    void theClientSendsCountIntsAndOperatorAsOneMessage(Lang client) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = client.run("ch05/op_client", "127.0.0.1", Integer.toString(server.getLocalPort())).stdin(INPUT).start();
             Socket s = server.accept()) {
            s.setSoTimeout(20_000);
            byte[] got = s.getInputStream().readNBytes(REQUEST.length);
            assertThat(got).as("1 byte count, 3 x 4-byte int (little endian), 1 byte operator").isEqualTo(REQUEST);
            s.getOutputStream().write(le(-5));
            assertThat(s.getInputStream().readAllBytes()).as("bytes after the request").isEmpty();
            Result r = c.await();
            assertThat(r.stdout()).endsWith("Operation result: -5 \n");
        }
    }

    /** At the end of input scanf("%c") stores nothing: the operator byte stays 0, as C sends it (not 0xff). */
    @ParameterizedTest(name = "{0} op_client")
    @EnumSource(Lang.class)
    void inputEndingBeforeTheOperatorSendsTheCountAndAZeroByte(Lang client) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Run.Started c = client.run("ch05/op_client", "127.0.0.1", Integer.toString(server.getLocalPort())).stdin("0\n").start();
             Socket s = server.accept()) {
            s.setSoTimeout(20_000);
            assertThat(s.getInputStream().readNBytes(2)).as("count 0, then the operator byte").containsExactly(0, 0);
            s.getOutputStream().write(le(0));
            assertThat(s.getInputStream().readAllBytes()).as("bytes after the request").isEmpty();
            assertThat(c.await().stdout()).endsWith("Operation result: 0 \n");
        }
    }

    /** The server reads until the whole request is there, however it was cut; it answers 4 bytes. */
    @ParameterizedTest(name = "{0} op_server")
    @EnumSource(Lang.class)
    void theServerAnswersFourBytesToARequestSentInPieces(Lang server) throws IOException {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch05/op_server", port, dir)) {
            try (Socket c = Tcp.connect(port)) {
                c.getOutputStream().write(request(2, new int[] {7, 3}, '-'));
                assertThat(c.getInputStream().readAllBytes()).isEqualTo(le(4));
            }
            try (Socket c = Tcp.connect(port)) {
                byte[] req = request(3, new int[] {2, 3, 4}, '*');
                for (byte b : req) {   // one byte per write, each acknowledged before the next
                    c.getOutputStream().write(b);
                    Tcp.await("byte delivered", Duration.ofSeconds(20), () -> Tcp.unacked(c.getLocalPort(), port) == 0);
                }
                assertThat(c.getInputStream().readAllBytes()).isEqualTo(le(24));
            }
        }
    }

    /**
     * A client that connects and leaves without a request: read() returns 0 forever, the server
     * spins on the CPU, and the next client's complete request waits unread.
     */
    @ParameterizedTest(name = "{0} op_server")
    @EnumSource(Lang.class)
    void aClientLeavingEarlyMakesTheServerSpin(Lang server) throws IOException {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch05/op_server", port, dir)) {
            Tcp.connect(port).close();
            try (Socket next = Tcp.connect(port)) {
                next.getOutputStream().write(REQUEST);
                long start = Proc.cpuTicks(s.pid());
                // The bound: 0.3 s of CPU burnt with nobody to serve (ticks are 1/100 s); a server
                // blocked in read() or accept() burns none.
                Tcp.await("the server burning CPU", Duration.ofSeconds(60), () -> Proc.cpuTicks(s.pid()) - start >= 30);
                assertThat(Tcp.unread(port, next.getLocalPort())).as("request of the next client, unread").isEqualTo(REQUEST.length);
                assertThat(next.getInputStream().available()).as("answer to the next client").isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0} op_server_fixed")
    @EnumSource(Lang.class)
    void theFixedServerClosesTheEarlyClientAndServesTheNext(Lang server) throws IOException {
        int port = Tcp.freePort();
        try (Run.Started s = Peers.serve(server, "ch05/op_server_fixed", port, dir)) {
            Tcp.connect(port).close();
            try (Socket half = Tcp.connect(port)) {   // count and one int of three, then gone
                half.getOutputStream().write(REQUEST, 0, 5);
            }
            Result c = Run.listing("ch05/op_client", "127.0.0.1", Integer.toString(port)).stdin(INPUT).run();
            assertThat(c.stdout()).isEqualTo(OUTPUT);
            assertThat(s.stdout()).isEqualTo("client 1 left before its request was complete\n"
                    + "client 2 left before its request was complete\n");
        }
    }

    @Test
    void badInputGivesTheUsageLineOrOneClearLineAndExit1() {
        BadInput.check(List.of("ch05/op_server", "ch05/op_server_fixed"), List.of("ch05/op_client", "ch05/echo_client2"));
    }

    static byte[] request(int count, int[] operands, char op) {
        ByteBuffer b = ByteBuffer.allocate(count * 4 + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) count);
        for (int v : operands) b.putInt(v);
        b.put((byte) op);
        return b.array();
    }

    static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

}
