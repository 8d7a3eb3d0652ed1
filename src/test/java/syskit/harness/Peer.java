package syskit.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain TCP client a test drives by hand (a chat participant, an HTTP client): send text, read
 * until some text has arrived, see what has arrived so far. Reads give up after 20 s.
 */
public final class Peer implements AutoCloseable {
    public final Socket socket;
    private final StringBuilder got = new StringBuilder();

    private Peer(Socket socket) {
        this.socket = socket;
    }

    public static Peer connect(int port) {
        return of(Tcp.connect(port));
    }

    public static Peer of(Socket s) {
        return new Peer(s);
    }

    /** A client with a small receive buffer, set before connecting (so that it fills quickly). */
    public static Peer connectWithReceiveBuffer(int port, int bytes) {
        try {
            Socket s = new Socket();
            s.setReceiveBufferSize(bytes);
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            s.setSoTimeout(20_000);
            return new Peer(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Peer send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until everything received so far contains text; fails after 20 s without it. */
    public String readUntil(String text) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            while (got.indexOf(text) < 0) {
                int n = in.read(buf);
                if (n < 0) throw Checks.fail("Peer.closedBeforeText", text.strip(), got);
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            return got.toString();
        } catch (SocketTimeoutException e) {
            throw Checks.fail("Peer.noText", text.strip(), got);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until n lines in all have arrived (counting those read before); fails after 20 s without them. */
    public String readLines(int n) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            while (got.chars().filter(ch -> ch == '\n').count() < n) {
                int k = in.read(buf);
                if (k < 0) throw Checks.fail("Peer.closedBeforeLines", n, got);
                got.append(new String(buf, 0, k, StandardCharsets.UTF_8));
            }
            return got.toString();
        } catch (SocketTimeoutException e) {
            throw Checks.fail("Peer.notLines", n, got);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything received so far (what readUntil has read). */
    public String received() {
        return got.toString();
    }

    /** Bytes that have arrived and not been read yet. */
    public int available() {
        try {
            return socket.getInputStream().available();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes with SO_LINGER 0: the kernel sends a reset, as for a process killed with data unread. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
