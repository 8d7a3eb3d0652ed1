package syskit.ch13;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.Peers.Lang;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch13/oob_send and ch13/oob_recv, and their C references. Only what is certain is asserted:
 * how urgent and normal bytes interleave, and whether the handler is in place when they come,
 * varies from run to run (the guide shows runs).
 */
class OobTest {
    static final Duration WITHIN = Duration.ofSeconds(20);
    static final int SIGURG_BIT = 1 << (23 - 1);

    @Test
    void sentStepByStepEveryByteArrivesOnceAndTheUrgentOnesThroughTheHandler() throws Exception {
        // A test client plays oob_send, one step at a time, each once the receiver printed the
        // previous one; it starts only when the receiver has its SIGURG handler.
        List<Run.Started> receivers = new ArrayList<>();
        List<Integer> ports = List.of(Tcp.freePort(), Tcp.freePort());
        try (Run.Started java = receiver(true, ports.get(0)); Run.Started c = receiver(false, ports.get(1))) {
            receivers.add(java);
            receivers.add(c);
            List<Socket> socks = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) socks.add(Tcp.connect(ports.get(i)));
                Tcp.await("the Java receiver's SIGURG handler (its signalfd)", WITHIN,
                        () -> Proc.fds(java.pid()).containsValue("anon_inode:[signalfd]"));
                Tcp.await("the C receiver's SIGURG handler (SigCgt)", WITHIN, () -> (caught(c.pid()) & SIGURG_BIT) != 0);
                for (int i = 0; i < 2; i++) {
                    Socket s = socks.get(i);
                    Run.Started r = receivers.get(i);
                    OutputStream out = s.getOutputStream();
                    write(out, "123");
                    await(r, "123\n");
                    s.sendUrgentData('4');
                    await(r, "Urgent message: 4 \n");
                    write(out, "567");
                    await(r, "567\n");
                    write(out, "89");
                    s.sendUrgentData('0');
                    await(r, "Urgent message: 0 \n");
                    await(r, "89\n");
                    s.close();
                }
            } finally {
                for (Socket s : socks) s.close();
            }
            for (Run.Started r : receivers) {
                Result res = r.await();
                assertThat(res.exitStatus()).as(res.toString()).isZero();
                assertThat(res.lines()).as(res.toString()).containsExactlyInAnyOrder("123", "Urgent message: 4 ", "567", "Urgent message: 0 ", "89");
                assertThat(res.stdout()).startsWith("123\nUrgent message: 4 \n567\n");
            }
        }
    }

    @Test
    void theListingPairsNeverDuplicateOrReorderAByteInAnyPairing() {
        // oob_send sends everything right after connect, usually before oob_recv has called
        // F_SETOWN and sigaction: then no SIGURG comes, the second urgent mark turns "4" back
        // into normal data and "0" is lost (123456789). With the handler in time the book's
        // output comes (123 / Urgent message: 4 / 567 / Urgent message: 0 / 89).
        List<Run.Started> receivers = new ArrayList<>();
        List<Run> senders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (boolean javaRecv : new boolean[] {true, false}) {
                for (boolean javaSend : new boolean[] {true, false}) {
                    int port = Tcp.freePort();
                    receivers.add(receiver(javaRecv, port));
                    senders.add(Lang.of(javaSend).run("ch13/oob_send", "127.0.0.1", Integer.toString(port)));
                    names.add((javaSend ? "Java" : "C") + " oob_send -> " + (javaRecv ? "Java" : "C") + " oob_recv");
                }
            }
            List<Result> sent = Run.all(senders.toArray(Run[]::new));
            for (int i = 0; i < 4; i++) {
                String pairing = names.get(i);
                assertThat(sent.get(i).exitStatus()).as(pairing + ": " + sent.get(i)).isZero();
                Result res = receivers.get(i).await();
                assertThat(res.exitStatus()).as(pairing + ": " + res).isZero();
                StringBuilder normal = new StringBuilder(), urgent = new StringBuilder();
                for (String line : res.lines()) {
                    if (line.startsWith("Urgent message: ")) urgent.append(line, 16, line.length() - 1);
                    else normal.append(line);
                }
                assertThat(normal.toString().replace("4", "")).as(pairing + ": " + res).isEqualTo("12356789");
                // "4" once, or never: a SIGURG that comes between F_SETOWN and sigaction is
                // ignored (SIGURG's default), and a reader that passes the mark skips the byte.
                assertThat((normal.toString() + urgent).chars().filter(ch -> ch == '4').count()).as(pairing).isLessThanOrEqualTo(1);
                assertThat(urgent.toString()).as(pairing + ": " + res).isIn("", "0", "4", "40");
            }
        } finally {
            for (Run.Started r : receivers) r.close();
        }
    }

    @Test
    void badArgumentsARefusedConnectionAndABusyPortEndWithOneLine() throws IOException {
        String free = Integer.toString(Tcp.freePort());
        try (ServerSocket taken = new ServerSocket(0)) {
            List<Result> r = Run.all(Run.listing("ch13/oob_recv"), Run.listing("ch13/oob_send", "127.0.0.1"),
                    Run.listing("ch13/oob_send", "localhost", "9190"), Run.listing("ch13/oob_recv", "99999"),
                    Run.listing("ch13/oob_send", "127.0.0.1", free),
                    Lang.C.run("ch13/oob_send", "127.0.0.1", free),
                    Run.listing("ch13/oob_recv", Integer.toString(taken.getLocalPort())));
            for (Result each : r) assertThat(each.exitStatus()).as(each.toString()).isEqualTo(1);
            assertThat(r.get(0).stdout()).isEqualTo("Usage : ch13/oob_recv <port>\n");
            assertThat(r.get(1).stdout()).isEqualTo("Usage : ch13/oob_send <IP> <port>\n");
            assertThat(r.get(2).stderr()).isEqualTo("bad address 'localhost': give an IPv4 address such as 127.0.0.1\n");
            assertThat(r.get(3).stderr()).isEqualTo("bad port '99999': give a number from 1 to 65535\n");
            assertThat(r.get(4).stderr()).isEqualTo("connect() error: Connection refused\n");
            assertThat(r.get(5).stderr()).isEqualTo("connect() error: Connection refused\n");
            assertThat(r.get(6).stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    static Run.Started receiver(boolean java, int port) {
        Run run = Lang.of(java).run("ch13/oob_recv", Integer.toString(port));
        Run.Started s = run.timeout(Duration.ofSeconds(60)).start();
        Tcp.await("oob_recv listening on " + port, WITHIN, () -> Tcp.listening(port) || !s.alive());
        return s;
    }

    /** SigCgt of /proc/PID/status: the signals the process has a handler for. */
    static long caught(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("SigCgt:")) return Long.parseLong(line.substring(7).trim(), 16);
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void await(Run.Started r, String text) {
        assertThat(Await.until(() -> r.stdout().contains(text), WITHIN)).as("waiting for %s in:\n%s", text, r.stdout()).isTrue();
    }
}
