package syskit.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Loopback TCP for tests of the socket listings: free ports, readiness, plain Java clients. */
public final class Tcp {
    private Tcp() {}

    /**
     * A port no TCP or UDP socket is bound to right now, below the kernel's ephemeral range
     * (/proc/sys/net/ipv4/ip_local_port_range): a port the kernel picked and the test then freed
     * could be taken by any client socket of a test running beside it before the listing binds it.
     */
    public static int freePort() {
        int below = ephemeralLow();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(below / 2, below);
            try (ServerSocket t = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"));
                 java.net.DatagramSocket u = new java.net.DatagramSocket(port, InetAddress.getByName("0.0.0.0"))) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port below " + below);
    }

    private static int ephemeralLow() {
        try {
            // readAllLines: Files.readString gives only the first byte of this /proc file
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    /** TCP states as /proc/net/tcp writes them (two hex digits). */
    public static final String ESTABLISHED = "01", FIN_WAIT2 = "05", TIME_WAIT = "06", CLOSE_WAIT = "08", LISTEN = "0A";

    /** True when a socket listens on the port (state 0A). */
    public static boolean listening(int port) {
        String local = hexPort(port);
        return rows().stream().anyMatch(f -> f[1].endsWith(local) && f[3].equals(LISTEN));
    }

    /** The state of the connection localPort-remotePort (e.g. {@link #TIME_WAIT}), or null when there is none. */
    public static String state(int localPort, int remotePort) {
        String[] row = row(localPort, remotePort);
        return row == null ? null : row[3];
    }

    /** How many connections to the server port are established on the server's side. */
    public static long established(int serverPort) {
        String local = hexPort(serverPort);
        return rows().stream().filter(f -> f[1].endsWith(local) && f[3].equals(ESTABLISHED)).count();
    }

    /** True when some connection on the local port is in TIME_WAIT. */
    public static boolean inTimeWait(int localPort) {
        String local = hexPort(localPort);
        return rows().stream().anyMatch(f -> f[1].endsWith(local) && f[3].equals(TIME_WAIT));
    }

    /**
     * Bytes received on the connection localPort-remotePort that its process has not read yet
     * (rx_queue); -1 when there is no such connection.
     */
    public static long unread(int localPort, int remotePort) {
        String[] row = row(localPort, remotePort);
        return row == null ? -1 : Long.parseLong(row[4].substring(row[4].indexOf(':') + 1), 16);
    }

    /**
     * Bytes the connection localPort-remotePort has sent that its peer has not acknowledged yet
     * (tx_queue); -1 when there is no such connection. 0 means they reached the peer's receive queue.
     */
    public static long unacked(int localPort, int remotePort) {
        String[] row = row(localPort, remotePort);
        return row == null ? -1 : Long.parseLong(row[4].substring(0, row[4].indexOf(':')), 16);
    }

    private static String[] row(int localPort, int remotePort) {
        String local = hexPort(localPort), remote = hexPort(remotePort);
        return rows().stream().filter(f -> f[1].endsWith(local) && f[2].endsWith(remote)).findFirst().orElse(null);
    }

    private static String hexPort(int port) {
        return String.format(Locale.ROOT, ":%04X", port);
    }

    /** The rows of /proc/net/tcp and /proc/net/tcp6 (a java.net socket is an IPv6 one, even on 127.0.0.1), split into fields. */
    private static List<String[]> rows() {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path p = Path.of(f);
                if (Files.exists(p)) Files.readAllLines(p).stream().skip(1).map(l -> l.trim().split("\\s+")).forEach(rows::add);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server listing on the port in dir and returns once it listens. */
    public static Run.Started serve(String id, int port, Path dir) {
        return serve(Run.listing(id, Integer.toString(port)).dir(dir), port);
    }

    /** Starts a server (a listing, a C reference, any command) and returns once it listens on port; fails if it ends first. */
    public static Run.Started serve(Run server, int port) {
        return awaitListening(server.timeout(Duration.ofSeconds(120)).start(), port);
    }

    /** Returns s once it listens on port; fails at once, with what it printed, if it ends first. */
    public static Run.Started awaitListening(Run.Started s, int port) {
        await("the server listening on " + port, Duration.ofSeconds(30), () -> listening(port) || !s.alive());
        if (!s.alive()) throw new AssertionError("the server ended before listening on " + port + ": " + s.kill());
        return s;
    }

    /** A client connected to 127.0.0.1:port whose reads give up after 20 s instead of hanging a test. */
    public static Socket connect(int port) {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(20_000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text and reads back as many bytes. */
    public static String echo(Socket s, String text) {
        try {
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(out);
            return new String(s.getInputStream().readNBytes(out.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the peer sends until it closes. */
    public static String readAll(Socket s) {
        try {
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds; fails the test with what was awaited if it does not within the time. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        if (!Await.until(condition, within)) {
            throw new AssertionError("gave up after " + within.toSeconds() + " s waiting for: " + what);
        }
    }
}
