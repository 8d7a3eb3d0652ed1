package syskit.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import syskit.os.Stdlib;

/**
 * bench/lat_tcp_nio [N]: bench/lat_tcp's design with java.nio instead of the kit: blocking
 * {@link SocketChannel}s, direct one-byte buffers, a second thread (a java.lang.Thread, itself a
 * pthread) that accepts and echoes. N round trips (default 50000) after 10000 untimed; both
 * sockets have TCP_NODELAY. Prints microseconds per round trip. What the JDK's own socket path
 * costs, for comparison with the kit's downcalls.
 */
public final class LatTcpNio {
    static final int WARMUP = 10_000;

    public static int main(String[] argv) throws IOException, InterruptedException {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 50_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of round trips");
            return 2;
        }
        try (ServerSocketChannel serv = ServerSocketChannel.open()) {
            serv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            Thread echo = new Thread(() -> echo(serv));
            echo.start();
            SocketChannel sock = SocketChannel.open(serv.getLocalAddress());
            sock.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer c = ByteBuffer.allocateDirect(1);

            roundTrips(sock, c, WARMUP);
            long start = System.nanoTime();
            roundTrips(sock, c, n);
            long elapsed = System.nanoTime() - start;

            sock.close();                   // the echo thread sees EOF and ends
            echo.join();
            System.out.println(Bench.line("lat_tcp_nio", elapsed / 1e3 / n, "us per round trip", n + " round trips"));
            return 0;
        }
    }

    /** The echo thread: accepts one connection, sends every byte back until EOF. */
    static void echo(ServerSocketChannel serv) {
        try (SocketChannel sock = serv.accept()) {
            sock.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer c = ByteBuffer.allocateDirect(1);
            while (echoOne(sock, c)) {
            }
        } catch (IOException e) {
            System.err.println("lat_tcp_nio: echo: " + e);
            Stdlib.exit(1);
        }
    }

    /** One byte back; false at EOF. */
    static boolean echoOne(SocketChannel sock, ByteBuffer c) throws IOException {
        c.clear();
        if (sock.read(c) != 1) return false;
        c.flip();
        return sock.write(c) == 1;
    }

    static void roundTrips(SocketChannel sock, ByteBuffer c, int n) throws IOException {
        for (int i = 0; i < n; i++) roundTrip(sock, c);
    }

    /** One round trip: the byte goes out and comes back. */
    static void roundTrip(SocketChannel sock, ByteBuffer c) throws IOException {
        c.clear();
        if (sock.write(c) != 1) throw new IOException("lat_tcp_nio: write");
        c.clear();
        if (sock.read(c) != 1) throw new IOException("lat_tcp_nio: read");
    }
}
