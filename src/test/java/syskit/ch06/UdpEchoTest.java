package syskit.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;
import syskit.harness.Tool;
import syskit.harness.Udp;

/**
 * ch06/uecho_server, uecho_client and uecho_con_client: real datagrams on 127.0.0.1. One Java
 * and one C server serve every test of the class.
 */
class UdpEchoTest {
    static final String PROMPT = "Insert message(q to quit): ";
    static final String INPUT = "hello\nthis line is longer than twenty-nine bytes\nq\n";
    /** fgets takes at most 29 bytes: the long line goes out as two datagrams, echoed as two. */
    static final String EXPECTED = PROMPT + "Message from server: hello\n"
            + PROMPT + "Message from server: this line is longer than twen"
            + PROMPT + "Message from server: ty-nine bytes\n" + PROMPT;

    static int javaPort, cPort;
    static Run.Started javaServer, cServer;

    @BeforeAll
    static void startServers() {
        javaPort = Udp.freePort();
        javaServer = Udp.serve(Run.listing("ch06/uecho_server", Integer.toString(javaPort)), javaPort);
        cPort = Udp.freePort();
        cServer = Udp.serve(Lang.C.run("ch06/uecho_server", Integer.toString(cPort)), cPort);
    }

    @AfterAll
    static void stopServers() {
        if (javaServer != null) javaServer.close();
        if (cServer != null) cServer.close();
    }

    static Run client(String id, boolean c, int port) {
        return Lang.of(!c).run(id, "127.0.0.1", Integer.toString(port));
    }

    @Test
    void bothClientsInJavaAndCGetEveryLineBackFromBothServers() {
        List<Run> runs = new ArrayList<>();
        List<String> pairings = new ArrayList<>();
        for (String id : List.of("ch06/uecho_client", "ch06/uecho_con_client")) {
            for (boolean cClient : new boolean[] {false, true}) {
                for (int port : new int[] {javaPort, cPort}) {
                    runs.add(client(id, cClient, port).stdin(INPUT));
                    pairings.add((cClient ? "C " : "Java ") + id + " against the " + (port == cPort ? "C" : "Java") + " server");
                }
            }
        }
        List<Result> results = Run.all(runs);
        for (int i = 0; i < runs.size(); i++) {
            Result r = results.get(i);
            assertThat(r.exitStatus()).as(pairings.get(i) + "\n" + r).isZero();
            assertThat(r.stdout()).as(pairings.get(i)).isEqualTo(EXPECTED);
            assertThat(r.stderr()).as(pairings.get(i)).isEmpty();
        }
        assertThat(javaServer.alive()).isTrue();
        assertThat(cServer.alive()).isTrue();
    }

    @Test
    void theServerEchoesEachDatagramWholeToItsSender() throws IOException {
        for (int port : new int[] {javaPort, cPort}) {
            try (DatagramSocket a = Udp.socket(); DatagramSocket b = Udp.socket()) {
                Udp.send(a, "from a".getBytes(), port);
                Udp.send(b, "from b, a bit longer".getBytes(), port);
                Udp.send(a, "a again".getBytes(), port);
                assertThat(new String(Udp.receive(b).getData(), 0, 20)).isEqualTo("from b, a bit longer");
                var first = Udp.receive(a);
                assertThat(new String(first.getData(), 0, first.getLength())).isEqualTo("from a");
                var second = Udp.receive(a);
                assertThat(new String(second.getData(), 0, second.getLength())).isEqualTo("a again");
            }
        }
    }

    /** strace shows the difference: the unconnected client names the server in every sendto. */
    @Test
    void straceShowsSendtoWithAnAddressAgainstConnectThenWrite() throws IOException {
        Tool.assumeInstalled("strace", "see the socket calls of the UDP clients");
        Pattern sendto = Pattern.compile("sendto\\(\\d+, \"hello\\\\n\", 6, 0, \\{sa_family=AF_INET, sin_port=htons\\("
                + javaPort + "\\), sin_addr=inet_addr\\(\"127\\.0\\.0\\.1\"\\)\\}, 16\\) += 6");
        Pattern connect = Pattern.compile("connect\\(\\d+, \\{sa_family=AF_INET, sin_port=htons\\(" + javaPort
                + "\\), sin_addr=inet_addr\\(\"127\\.0\\.0\\.1\"\\)\\}, 16\\) += 0");
        Pattern write = Pattern.compile("write\\(\\d+, \"hello\\\\n\", 6\\) += 6");
        Pattern sendtoNoAddress = Pattern.compile("sendto\\(\\d+, \"hello\\\\n\", 6, 0, NULL, 0\\)");
        List<Run> runs = new ArrayList<>();
        List<Path> traces = new ArrayList<>();
        for (boolean c : new boolean[] {false, true}) {
            for (String id : List.of("ch06/uecho_client", "ch06/uecho_con_client")) {
                Path trace = Files.createTempFile("syskit-strace", ".txt");
                traces.add(trace);
                runs.add(client(id, c, javaPort).stdin("hello\nq\n")
                        .under("strace", "-f", "-qq", "-o", trace.toString(), "-e", "trace=connect,sendto,write"));
            }
        }
        try {
            List<Result> results = Run.all(runs);
            for (int i = 0; i < runs.size(); i += 2) {
                assertThat(results.get(i).exitStatus()).as(results.get(i).toString()).isZero();
                assertThat(results.get(i + 1).exitStatus()).as(results.get(i + 1).toString()).isZero();
                List<String> unconnected = Files.readAllLines(traces.get(i)), connected = Files.readAllLines(traces.get(i + 1));
                assertThat(unconnected).as("uecho_client").anyMatch(l -> sendto.matcher(l).find())
                        .noneMatch(l -> l.contains("connect(") && l.contains("htons(" + javaPort + ")"))
                        .noneMatch(l -> write.matcher(l).find());
                assertThat(connected).as("uecho_con_client").anyMatch(l -> connect.matcher(l).find())
                        .anyMatch(l -> write.matcher(l).find())
                        .noneMatch(l -> sendto.matcher(l).find() || sendtoNoAddress.matcher(l).find());
            }
        } finally {
            for (Path t : traces) Files.deleteIfExists(t);
        }
    }

    /**
     * No server: the connected client learns it (the kernel turns the ICMP "port unreachable"
     * into ECONNREFUSED on its next read); the unconnected one is never told and waits forever.
     * Both unconnected clients (Java, C) are first seen blocked in recvfrom after their sendto;
     * the connected ones then get their error, so the ICMP answers have come back; the
     * unconnected ones are still in recvfrom.
     */
    @Test
    void withoutAServerTheConnectedClientFailsAndTheUnconnectedOneWaitsForever() {
        int nobody = Udp.freePort();
        try (Run.Started javaPlain = client("ch06/uecho_client", false, nobody).stdin("hello\n").start();
             Run.Started cPlain = client("ch06/uecho_client", true, nobody).stdin("hello\n").start()) {
            for (Run.Started plain : List.of(javaPlain, cPlain)) {
                Tcp.await("uecho_client blocked in recvfrom", Duration.ofSeconds(20),
                        () -> plain.stdout().equals(PROMPT) && Udp.inRecvfrom(plain.pid()));
            }
            List<Result> con = Run.all(List.of(client("ch06/uecho_con_client", false, nobody).stdin("hello\n"),
                    client("ch06/uecho_con_client", true, nobody).stdin("hello\n")));
            for (Result r : con) expect(r, 1, PROMPT, "read() error: Connection refused\n");
            for (Run.Started plain : List.of(javaPlain, cPlain)) {
                assertThat(plain.alive()).isTrue();
                assertThat(Udp.inRecvfrom(plain.pid())).as("still waiting in recvfrom").isTrue();
            }
        }
    }

    @Test
    void badArgumentsExit1WithAClearMessage() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("0.0.0.0"))) {
            String busy = Integer.toString(taken.getLocalPort());
            List<Run> runs = new ArrayList<>();
            List<String[]> expected = new ArrayList<>();
            for (boolean c : new boolean[] {false, true}) {
                for (String id : List.of("ch06/uecho_client", "ch06/uecho_con_client")) {
                    String name = c ? CReference.build(id) : id;
                    runs.add(program(c, name, "127.0.0.1"));
                    expected.add(new String[] {"Usage : " + name + " <IP> <port>\n", ""});
                    runs.add(program(c, name, "localhost:80", "9190"));
                    expected.add(new String[] {"", "bad address 'localhost:80': give an IPv4 address such as 127.0.0.1\n"});
                    runs.add(program(c, name, "127.0.0.1", "70000"));
                    expected.add(new String[] {"", "bad port '70000': give a number from 1 to 65535\n"});
                }
                String server = c ? CReference.build("ch06/uecho_server") : "ch06/uecho_server";
                runs.add(program(c, server));
                expected.add(new String[] {"Usage : " + server + " <port>\n", ""});
                runs.add(program(c, server, "echo"));
                expected.add(new String[] {"", "bad port 'echo': give a number from 1 to 65535\n"});
                runs.add(program(c, server, busy));
                expected.add(new String[] {"", "bind() error: Address already in use\n"});
            }
            List<Result> results = Run.all(runs);
            for (int i = 0; i < runs.size(); i++) expect(results.get(i), 1, expected.get(i)[0], expected.get(i)[1]);
        }
    }

    /** A listing (c false: name is its id) or a C reference (c true: name is its path), with args. */
    static Run program(boolean c, String name, String... args) {
        if (!c) return Run.listing(name, args);
        List<String> cmd = new ArrayList<>(List.of(name));
        cmd.addAll(List.of(args));
        return Run.command(cmd.toArray(String[]::new));
    }

    static void expect(Result r, int status, String stdout, String stderr) {
        assertThat(r.exitStatus()).as(r.toString()).isEqualTo(status);
        assertThat(r.stdout()).as(r.toString()).isEqualTo(stdout);
        assertThat(r.stderr()).as(r.toString()).isEqualTo(stderr);
    }
}
