package syskit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Client/server listings in both languages: the Java port or its C reference as the same kind
 * of {@link Run}, servers started and awaited on a port, many short runs at once, and the
 * kernel's view of a connection (/proc/net/tcp queues, a process's CPU time).
 */
public final class Peers {
    private Peers() {}

    /** The two implementations of a listing. */
    public enum Lang {
        JAVA, C;

        /** This implementation of listing id with these arguments: bin/syskit, or the compiled C reference. */
        public Run run(String id, String... args) {
            if (this == JAVA) return Run.listing(id, args);
            List<String> cmd = new ArrayList<>(List.of(CReference.build(id)));
            cmd.addAll(List.of(args));
            return Run.command(cmd.toArray(String[]::new));
        }
    }

    /** Starts a server (either language) in dir and returns once it listens on port. */
    public static Run.Started serve(Lang lang, String id, int port, Path dir) {
        Run.Started s = lang.run(id, Integer.toString(port)).dir(dir).timeout(Duration.ofSeconds(120)).start();
        Tcp.await(lang + " " + id + " listening on " + port, Duration.ofSeconds(30), () -> Tcp.listening(port) || !s.alive());
        if (!s.alive()) throw new AssertionError(lang + " " + id + " ended before listening: " + s.kill());
        return s;
    }

    /**
     * Bytes the connection localPort-remotePort has sent that its peer has not acknowledged yet
     * (tx_queue in /proc/net/tcp); -1 when there is no such connection. 0 means they reached
     * the peer's receive queue. Looks in /proc/net/tcp6 too: a java.net socket is an IPv6 one.
     */
    public static long unacked(int localPort, int remotePort) {
        String local = String.format(Locale.ROOT, ":%04X", localPort), remote = String.format(Locale.ROOT, ":%04X", remotePort);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
            if (Files.exists(Path.of("/proc/net/tcp6"))) lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
            return lines.stream().filter(l -> !l.trim().startsWith("sl"))
                    .map(l -> l.trim().split("\\s+"))
                    .filter(f -> f[1].endsWith(local) && f[2].endsWith(remote))
                    .mapToLong(f -> Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
