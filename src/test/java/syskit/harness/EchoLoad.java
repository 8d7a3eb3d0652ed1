package syskit.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Load for an echo server on 127.0.0.1: N clients connected at the same time, each sending its
 * own numbered lines in bursts and reading every burst's echo before the next. A client's
 * echoes must equal what it sent, byte for byte: every line once, in order. The clients connect
 * one after another, each once the server has accepted the one before (with the book's listen
 * backlog of 5, a full accept queue drops the next SYN and the kernel retries it only a second
 * later), then all start sending at once.
 */
public final class EchoLoad {
    /** What a load run saw: the wall time of the sending phase and one line per client that went wrong. */
    public record Report(int clients, int lines, long connectMillis, long millis, List<String> errors) {
        @Override
        public String toString() {
            return clients + " clients connected in " + connectMillis + " ms, x " + lines + " lines in " + millis + " ms"
                    + (errors.isEmpty() ? "" : ", errors:\n" + String.join("\n", errors));
        }
    }

    private EchoLoad() {}

    /**
     * accepted: how many connections the server has accepted so far (e.g. its "Connected client"
     * lines), so that each connect waits for the accept before it; null to connect at once.
     */
    public static Report run(int port, int clients, int lines, int burst, java.util.function.IntSupplier accepted) {
        List<Socket> sockets = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            long c0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                sockets.add(Tcp.connect(port));
                long end = System.nanoTime() + 20_000_000_000L;
                while (accepted != null && accepted.getAsInt() <= c && System.nanoTime() < end) Thread.sleep(1);
            }
            long connectMillis = (System.nanoTime() - c0) / 1_000_000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Socket s = sockets.get(c);
                int client = c;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        OutputStream out = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        for (int first = 0; first < lines; first += burst) {
                            StringBuilder sent = new StringBuilder();
                            for (int l = first; l < Math.min(lines, first + burst); l++) {
                                sent.append("client ").append(client).append(" line ").append(l).append('\n');
                            }
                            byte[] bytes = sent.toString().getBytes(StandardCharsets.UTF_8);
                            out.write(bytes);
                            out.flush();
                            byte[] back = in.readNBytes(bytes.length);
                            if (!java.util.Arrays.equals(bytes, back)) {
                                errors.add("client " + client + ": sent " + sent.toString().strip().replace('\n', '|')
                                        + " got " + new String(back, StandardCharsets.UTF_8).strip().replace('\n', '|'));
                                return;
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.add("client " + client + ": " + e);
                    }
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : threads) t.join();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Report(clients, lines, connectMillis, millis, List.copyOf(errors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing: nothing to do
                }
            }
        }
    }
}
