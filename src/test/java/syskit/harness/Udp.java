package syskit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Loopback UDP for tests of the datagram listings: free ports, bound sockets seen in /proc, plain Java peers. */
public final class Udp {
    private Udp() {}

    /** recvfrom(2)'s system call number: 45 on x86-64, 207 on arm64. */
    public static final int RECVFROM_NR = "aarch64".equals(System.getProperty("os.arch")) ? 207 : 45;

    /**
     * True when a thread of the process sleeps in recvfrom. A program that has sent a datagram on
     * loopback and sleeps there again has had it delivered: sendto queues it in the receiver's
     * socket before it returns.
     */
    public static boolean inRecvfrom(int pid) {
        return Proc.syscalls(pid).stream().anyMatch(s -> s.nr() == RECVFROM_NR && s.state() == 'S');
    }

    /** A port no socket is bound to right now, below the ephemeral range: {@link Tcp#freePort}. */
    public static int freePort() {
        return Tcp.freePort();
    }

    /** The /proc/net/udp line of the socket bound to the port, split in fields; null when none is. */
    private static String[] entry(int port) {
        String local = String.format(Locale.ROOT, ":%04X", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/udp")).stream().skip(1)
                    .map(l -> l.trim().split("\\s+"))
                    .filter(f -> f[1].endsWith(local))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when some socket is bound to the UDP port. */
    public static boolean bound(int port) {
        return entry(port) != null;
    }

    /**
     * Bytes waiting in the receive queue of the socket bound to the port (rx_queue in
     * /proc/net/udp: the kernel's accounting, more than the payload); -1 when nothing is bound.
     */
    public static long queued(int port) {
        String[] f = entry(port);
        return f == null ? -1 : Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
    }

    /** Starts a UDP server listing (args after the port) in dir and returns once its port is bound. */
    public static Run.Started serve(Run run, int port) {
        Run.Started s = run.timeout(Duration.ofSeconds(120)).start();
        Tcp.await("UDP port " + port + " bound", Duration.ofSeconds(30), () -> bound(port) || !s.alive());
        if (!s.alive()) throw new AssertionError("the server ended before binding " + port + ": " + s.kill());
        return s;
    }

    /** A socket on 127.0.0.1 (any port) whose receive gives up after 20 s instead of hanging a test. */
    public static DatagramSocket socket() {
        return socket(0);
    }

    public static DatagramSocket socket(int port) {
        try {
            DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress());
            s.setSoTimeout(20_000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One datagram's bytes; its sender is in the packet. */
    public static DatagramPacket receive(DatagramSocket s) {
        try {
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            s.receive(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void send(DatagramSocket s, byte[] data, int port) {
        try {
            s.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
