package syskit.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A private network namespace for the multicast and broadcast listings: {@code unshare -n}
 * (or {@code unshare -rn}, a user namespace as well, where plain -n is not permitted) gives the
 * shell a network stack of its own, with only a loopback interface, down. The prologue brings
 * it up, enables multicast on it and routes 224.0.0.0/4 there, so a datagram to a group or to
 * 127.255.255.255 stays inside; the namespace, and every socket in it, ends with the shell.
 * No datagram can reach the machine's real interfaces: they are not in the namespace.
 */
public final class NetNamespace {
    public static final String PROLOGUE = "set -e; ip link set lo up; ip link set lo multicast on; "
            + "ip route add 224.0.0.0/4 dev lo; set +e; ";

    private NetNamespace() {}

    /** The unshare command that works here, or skips the calling test saying why. */
    public static List<String> unshare() {
        Tool.assumeInstalled("unshare", "make a private network namespace for multicast and broadcast");
        Tool.assumeInstalled("ip", "set up the namespace's loopback (package iproute2)");
        for (String flags : new String[] {"-n", "-rn"}) {
            Result r = Run.command("unshare", flags, "sh", "-c", PROLOGUE).timeout(Duration.ofSeconds(20)).run();
            if (r.exitStatus() == 0) return List.of("unshare", flags);
        }
        Assumptions.abort("unshare -n and unshare -rn are not permitted here (no CAP_SYS_ADMIN, user namespaces off):"
                + " the multicast and broadcast listings only ever run inside a private network namespace, so they are not run");
        return null;
    }

    /** A run of sh -c "PROLOGUE script" inside a new namespace (positional parameters: args). */
    public static Run shell(String script, String... args) {
        List<String> cmd = new ArrayList<>(unshare());
        cmd.addAll(List.of("sh", "-c", PROLOGUE + script, "netns"));
        cmd.addAll(List.of(args));
        return Run.command(cmd.toArray(String[]::new)).env("SYSKIT_JAVA", Run.JAVA);
    }
}
