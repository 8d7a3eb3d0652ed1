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
 * one after another (a server's listen backlog of 5 would otherwise drop SYNs and make the
 * kernel retry them a second later), then all start sending at once.
 */
public final class EchoLoad {
    /** What a load run saw: the wall time of the sending phase and one line per client that went wrong. */
    public record Report(int clients, int lines, long millis, List<String> errors) {
        @Override
        public String toString() {
            return clients + " clients x " + lines + " lines in " + millis + " ms"
                    + (errors.isEmpty() ? "" : ", errors:\n" + String.join("\n", errors));
        }
    }

    private EchoLoad() {}

    public static Report run(int port, int clients, int lines, int burst) {
        List<Socket> sockets = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int c = 0; c < clients; c++) sockets.add(Tcp.connect(port));
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
            return new Report(clients, lines, millis, List.copyOf(errors));
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
