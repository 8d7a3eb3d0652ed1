package syskit.ch07;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * ch07/file_server and file_client: half-close. The server sends a file and shuts down its
 * sending side; the client sees the end, writes receive.dat, and its "Thank you" still reaches
 * the server. All four pairings of Java and C, in temporary directories.
 */
class FileTransferTest {
    static final Path SENT = Run.ROOT.resolve("chapters/ch07/c/file_server.c");

    @TempDir
    Path dir;

    static Run server(boolean c, int port, String... more) {
        List<String> args = new ArrayList<>(List.of(Integer.toString(port)));
        args.addAll(List.of(more));
        return c ? Run.command(cmd(CReference.build("ch07/file_server"), args))
                 : Run.listing("ch07/file_server", args.toArray(String[]::new));
    }

    static Run client(boolean c, int port) {
        return Lang.of(!c).run("ch07/file_client", "127.0.0.1", Integer.toString(port));
    }

    private static String[] cmd(String program, List<String> args) {
        List<String> c = new ArrayList<>(List.of(program));
        c.addAll(args);
        return c.toArray(String[]::new);
    }

    /**
     * Sent: the kit's C reference of file_server (about 2 KB, not a multiple of 30) in all four
     * pairings, and a file of exactly 90 bytes, whose last fread returns 0 after three full
     * pieces, Java to Java and C to C.
     */
    @Test
    void theFileArrivesByteForByteAndTheThankYouComesBackAfterTheHalfClose() throws IOException {
        Path ninety = dir.resolve("ninety.txt");
        Files.writeString(ninety, "0123456789abcdefghijklmnopqrstuvwxyz".repeat(3).substring(0, 89) + "\n");
        assertThat(Files.size(ninety)).isEqualTo(90);
        assertThat(Files.size(SENT) % 30).isNotZero();

        List<Run.Started> servers = new ArrayList<>();
        List<Run> clients = new ArrayList<>();
        List<Path> received = new ArrayList<>(), sent = new ArrayList<>();
        List<String> pairings = new ArrayList<>();
        try {
            for (boolean cServer : new boolean[] {false, true}) {
                for (boolean cClient : new boolean[] {false, true}) {
                    // the 90-byte edge case in the two pure pairings only: it tests the loop, not the pairing
                    for (Path file : cServer == cClient ? List.of(SENT, ninety) : List.of(SENT)) {
                        int port = Tcp.freePort();
                        Path where = Files.createDirectory(dir.resolve("run" + clients.size()));
                        servers.add(start(server(cServer, port, file.toString()).dir(where), port));
                        clients.add(client(cClient, port).dir(where));
                        received.add(where.resolve("receive.dat"));
                        sent.add(file);
                        pairings.add((cClient ? "C" : "Java") + " client, " + (cServer ? "C" : "Java") + " server, " + file.getFileName());
                    }
                }
            }
            List<Result> results = Run.all(clients);
            for (int i = 0; i < clients.size(); i++) {
                Result c = results.get(i);
                assertThat(c.exitStatus()).as(pairings.get(i) + "\n" + c).isZero();
                assertThat(c.stdout()).as(pairings.get(i)).isEqualTo("Received file data\n");
                assertThat(Files.readAllBytes(received.get(i))).as(pairings.get(i)).isEqualTo(Files.readAllBytes(sent.get(i)));
                Result s = servers.get(i).await();
                assertThat(s.exitStatus()).as(pairings.get(i) + "\n" + s).isZero();
                assertThat(s.stdout()).as(pairings.get(i)).isEqualTo("Message from client: Thank you \n");
            }
        } finally {
            servers.forEach(Run.Started::close);
        }
    }

    /**
     * A server of the test's own sends 100 bytes, then resets the connection (SO_LINGER 0): one
     * of the client's reads returns -1 (ECONNRESET), which is no end of file. Java and C alike say so and
     * exit 1, and never claim "Received file data".
     */
    @Test
    void aResetIsAnErrorNotTheEndOfTheFile() throws Exception {
        for (boolean c : new boolean[] {false, true}) {
            Path where = Files.createDirectory(dir.resolve("reset-" + (c ? "c" : "java")));
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    Run.Started client = client(c, listener.getLocalPort()).dir(where).start()) {
                try (Socket s = listener.accept()) {
                    s.getOutputStream().write(new byte[100]);
                    s.getOutputStream().flush();
                    s.setSoLinger(true, 0);   // close sends RST, not FIN: whatever the client reads next is -1
                }
                Result r = client.await();
                assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
                assertThat(r.stdout()).as(r.toString()).doesNotContain("Received file data");
                assertThat(r.stderr()).isEqualTo("read() error: Connection reset by peer\n");
            }
        }
    }

    private static Run.Started start(Run run, int port) {
        return Tcp.awaitListening(run.start(), port);
    }

    /** The book's server opens file_server.c unchecked and crashes without it; the kit says why in one line. */
    @Test
    void badArgumentsAMissingFileARefusedConnectionAndABusyPortAreOneLineEach() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String busy = Integer.toString(taken.getLocalPort()), nobody = Integer.toString(Tcp.freePort());
            String missing = dir.resolve("no-such-file").toString();
            List<Run> runs = new ArrayList<>();
            List<String[]> expected = new ArrayList<>();
            for (boolean c : new boolean[] {false, true}) {
                String s = c ? CReference.build("ch07/file_server") : "ch07/file_server";
                String k = c ? CReference.build("ch07/file_client") : "ch07/file_client";
                runs.add(program(c, s));
                expected.add(new String[] {"Usage : " + s + " <port> [file]\n", ""});
                runs.add(program(c, s, "port"));
                expected.add(new String[] {"", "bad port 'port': give a number from 1 to 65535\n"});
                runs.add(program(c, s, nobody, missing));
                expected.add(new String[] {"", "fopen() error: " + missing + ": No such file or directory\n"});
                runs.add(program(c, s, busy, SENT.toString()));
                expected.add(new String[] {"", "bind() error: Address already in use\n"});
                runs.add(program(c, k, "127.0.0.1"));
                expected.add(new String[] {"Usage : " + k + " <IP> <port>\n", ""});
                runs.add(program(c, k, "127.1.2.3.4", "9190"));
                expected.add(new String[] {"", "bad address '127.1.2.3.4': give an IPv4 address such as 127.0.0.1\n"});
                runs.add(program(c, k, "127.0.0.1", "65536"));
                expected.add(new String[] {"", "bad port '65536': give a number from 1 to 65535\n"});
                runs.add(program(c, k, "127.0.0.1", nobody));
                expected.add(new String[] {"", "connect() error: Connection refused\n"});
            }
            List<Result> results = Run.all(runs.stream().map(r -> r.dir(dir)).toList());
            for (int i = 0; i < runs.size(); i++) {
                Result r = results.get(i);
                assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
                assertThat(r.stdout()).as(r.toString()).isEqualTo(expected.get(i)[0]);
                assertThat(r.stderr()).as(r.toString()).isEqualTo(expected.get(i)[1]);
            }
        }
    }

    static Run program(boolean c, String name, String... args) {
        return c ? Run.command(cmd(name, List.of(args))) : Run.listing(name, args);
    }
}
