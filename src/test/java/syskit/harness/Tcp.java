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
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Loopback TCP for tests of the socket listings: free ports, readiness, plain Java clients. */
public final class Tcp {
    private Tcp() {}

    /** A port nothing listens on right now (the kernel picks it). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when /proc/net/tcp shows a socket listening (state 0A) on the port. */
    public static boolean listening(int port) {
        String local = String.format(Locale.ROOT, ":%04X", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
                    .map(l -> l.trim().split("\\s+"))
                    .anyMatch(f -> f[1].endsWith(local) && f[3].equals("0A"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bytes received on the connection localPort-remotePort that its process has not read yet
     * (rx_queue in /proc/net/tcp); -1 when there is no such connection.
     */
    public static long unread(int localPort, int remotePort) {
        String local = String.format(Locale.ROOT, ":%04X", localPort), remote = String.format(Locale.ROOT, ":%04X", remotePort);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
                    .map(l -> l.trim().split("\\s+"))
                    .filter(f -> f[1].endsWith(local) && f[2].endsWith(remote))
                    .mapToLong(f -> Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server listing on the port in dir and returns once it listens. */
    public static Run.Started serve(String id, int port, Path dir) {
        Run.Started s = Run.listing(id, Integer.toString(port)).dir(dir).timeout(Duration.ofSeconds(120)).start();
        await(id + " listening on " + port, Duration.ofSeconds(30), () -> listening(port) || !s.alive());
        if (!s.alive()) throw new AssertionError(id + " ended before listening: " + s.kill());
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
