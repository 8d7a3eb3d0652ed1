package syskit.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One client against one server, each either the Java port (a listing id) or its C++ reference
 * ({@link Peers.Lang}): the four pairings of a client/server listing pair. The server
 * listens on 127.0.0.1 at a free port, the client gets its whole input on stdin; when the
 * client has ended and the server has reaped the child that served it, both are reported.
 */
public final class Pairing {
    private Pairing() {}

    /** What one pairing did: the client's run, and the server's stdout with pids as {@code <pid>}. */
    public record Outcome(Result client, String server) {}

    public static Outcome run(String serverId, boolean cppServer, String clientId, boolean cppClient, String input, Path dir) {
        int port = Tcp.freePort();
        String p = Integer.toString(port);
        Run server = Peers.Lang.of(!cppServer).run(serverId, p);
        try (Run.Started s = Tcp.serve(server.dir(dir), port)) {
            Run client = Peers.Lang.of(!cppClient).run(clientId, "127.0.0.1", p);
            Result c = client.stdin(input).timeout(Duration.ofSeconds(60)).run();
            Tcp.await("the server reaps the child that served the client", Duration.ofSeconds(30),
                    () -> s.stdout().contains("Removed proc id : ") || !s.alive());
            return new Outcome(c, s.kill().stdout().replaceAll("(?m)(: )\\d+$", "$1<pid>"));
        }
    }
}
