package syskit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The state of loopback TCP connections, from /proc/net/tcp and /proc/net/tcp6 (a Java client's
 * socket is an IPv6 one, even connected to 127.0.0.1).
 */
public final class TcpState {
    public static final String ESTABLISHED = "01", FIN_WAIT2 = "05", TIME_WAIT = "06", CLOSE_WAIT = "08";

    private TcpState() {}

    /** The state (two hex digits, e.g. {@link #TIME_WAIT}) of the connection localPort-remotePort, or null when none. */
    public static String of(int localPort, int remotePort) {
        String local = String.format(Locale.ROOT, ":%04X", localPort), remote = String.format(Locale.ROOT, ":%04X", remotePort);
        return rows().stream().filter(f -> f[1].endsWith(local) && f[2].endsWith(remote)).map(f -> f[3]).findFirst().orElse(null);
    }

    /** How many connections to the server port are established on the server's side. */
    public static long established(int serverPort) {
        String local = String.format(Locale.ROOT, ":%04X", serverPort);
        return rows().stream().filter(f -> f[1].endsWith(local) && f[3].equals(ESTABLISHED)).count();
    }

    private static List<String[]> rows() {
        try {
            List<String[]> rows = new java.util.ArrayList<>();
            for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path p = Path.of(f);
                if (Files.exists(p)) Files.readAllLines(p).stream().skip(1).map(l -> l.trim().split("\\s+")).forEach(rows::add);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
