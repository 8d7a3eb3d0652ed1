package syskit.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Client/server listings in both languages: the Java port or its C reference as the same kind
 * of {@link Run}, and a server of either started and awaited on its port.
 */
public final class Peers {
    private Peers() {}

    /** The two implementations of a listing. */
    public enum Lang {
        JAVA, C;

        /** JAVA when java is true: for tests that loop over both as a boolean. */
        public static Lang of(boolean java) {
            return java ? JAVA : C;
        }

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
        return Tcp.serve(lang.run(id, Integer.toString(port)).dir(dir), port);
    }
}
