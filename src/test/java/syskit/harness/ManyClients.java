package syskit.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Load for a one-process echo server: N clients connected at once, each sending its own lines
 * while reading the echo, so that every line must come back once, whole and in order. The clients
 * all connect (and are greeted back) before any sends its lines: a server that serves one client
 * at a time cannot pass. Plain Java sockets on 127.0.0.1; no timing is asserted: the time
 * taken is reported for the guides' figures.
 */
public final class ManyClients {
    private ManyClients() {}

    /** What the run found: the problems (empty when every line came back once, in order) and the time. */
    public record Report(int clients, int lines, List<String> problems, long millis) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** e.g. "50 clients x 200 lines: 10000 echoes in 812 ms (12315 lines/s)". */
        public String figures() {
            long n = (long) clients * lines;
            return String.format(Locale.ROOT, "%d clients x %d lines: %d echoes in %d ms (%d lines/s)",
                    clients, lines, n, millis, millis == 0 ? 0 : n * 1000 / millis);
        }
    }

    /**
     * Runs clients x lines against 127.0.0.1:port. Each client writes its lines one write(2)
     * each, while it reads the echo; then it half-closes and reads to the end, and what came back
     * must be byte for byte what it sent. (A client that waited for each echo before its next line
     * would time the kernel's delayed ACKs instead of the server: a server that echoes a line in
     * 4-byte writes has its second write held back by Nagle's algorithm until the client's ACK,
     * which Linux delays up to 40 ms.) Each client's reads give up after 30 s.
     */
    public static Report echo(int port, int clients, int lines) {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Socket> sockets = new ArrayList<>();
        long start = System.nanoTime();
        try {
            // One by one, each greeted back before the next connects: the book's servers listen with a
            // backlog of 5, and 50 connects at once overflow it (the kernel then drops handshakes or
            // answers with SYN cookies, which is a test of the kernel, not of the server).
            for (int c = 0; c < clients; c++) {
                Socket s = Tcp.connect(port);
                sockets.add(s);
                s.setSoTimeout(30_000);
                s.setTcpNoDelay(true);
                String hello = String.format(Locale.ROOT, "client %02d hello\n", c);
                String back = Tcp.echo(s, hello);
                if (!back.equals(hello)) problems.add("client " + c + ": greeting " + show(hello.getBytes()) + " came back as " + show(back.getBytes()));
            }
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                Socket s = sockets.get(c);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        StringBuilder sent = new StringBuilder();
                        for (int l = 0; l < lines; l++) sent.append(String.format(Locale.ROOT, "client %02d line %03d\n", id, l));
                        byte[] all = sent.toString().getBytes(StandardCharsets.US_ASCII);
                        int lineLength = all.length / Math.max(lines, 1);
                        Thread writer = Thread.ofVirtual().start(() -> {
                            try {
                                for (int off = 0; off < all.length; off += lineLength) out.write(all, off, lineLength);
                                s.shutdownOutput();
                            } catch (IOException e) {
                                problems.add("client " + id + " writing: " + e);
                            }
                        });
                        byte[] back = in.readAllBytes();
                        writer.join();
                        if (!Arrays.equals(back, all)) problems.add("client " + id + ": " + firstDifference(all, back, lineLength));
                    } catch (IOException | InterruptedException e) {
                        problems.add("client " + id + ": " + e);
                    }
                }));
            }
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        } catch (IOException | RuntimeException e) {
            problems.add("connecting: " + e);
        } finally {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Report(clients, lines, List.copyOf(problems), millis);
    }

    private static String firstDifference(byte[] sent, byte[] back, int lineLength) {
        int i = Arrays.mismatch(sent, back);
        int line = i / lineLength;
        if (i >= back.length) return "the echo stopped after " + back.length + " of " + sent.length + " bytes (in line " + line + ")";
        if (i >= sent.length) return (back.length - sent.length) + " bytes more came back than were sent";
        int from = line * lineLength;
        return "line " + line + " sent " + show(Arrays.copyOfRange(sent, from, from + lineLength)) + ", got back "
                + show(Arrays.copyOfRange(back, from, Math.min(back.length, from + lineLength)));
    }

    private static String show(byte[] b) {
        return "\"" + new String(b, StandardCharsets.US_ASCII).replace("\n", "\\n") + "\"";
    }
}
