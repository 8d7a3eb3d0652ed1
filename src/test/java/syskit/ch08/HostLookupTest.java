package syskit.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * ch08/gethostbyname and gethostbyaddr. No lookup leaves the machine: localhost and 127.0.0.1
 * come from /etc/hosts, and the other names from a private hosts file mounted over /etc/hosts
 * in a mount namespace of the test's own, with an nsswitch.conf that asks files only (so a
 * name that is not there fails without a DNS query).
 */
class HostLookupTest {
    static final String HOSTS = "127.0.0.1 localhost\n"
            + "127.0.0.5 kithost.example kit-alias1 kit-alias2\n"
            + "127.0.0.6 second.example\n";

    @TempDir
    Path dir;

    @Test
    void localhostAnd127001ComeFromEtcHostsAsInC() {
        String byname = CReference.build("ch08/gethostbyname"), byaddr = CReference.build("ch08/gethostbyaddr");
        List<Result> r = Run.all(List.of(Run.listing("ch08/gethostbyname", "localhost"), Run.command(byname, "localhost"),
                Run.listing("ch08/gethostbyaddr", "127.0.0.1"), Run.command(byaddr, "127.0.0.1")));
        for (Result x : r) assertThat(x.exitStatus()).as(x.toString()).isZero();
        assertThat(r.get(0).stdout()).contains("Address type: AF_INET \n").contains("IP addr 1: 127.0.0.1 \n")
                .startsWith("Official name: ").isEqualTo(r.get(1).stdout());
        assertThat(r.get(2).stdout()).contains("Address type: AF_INET \n").contains("IP addr 1: 127.0.0.1 \n")
                .startsWith("Official name: ").isEqualTo(r.get(3).stdout());
    }

    /** Runs each command in one new mount namespace where /etc/hosts is HOSTS; null when that is not permitted. */
    private List<Result> inPrivateHosts(List<List<String>> commands) throws IOException {
        Path hosts = Files.writeString(dir.resolve("hosts"), HOSTS);
        Path nss = Files.writeString(dir.resolve("nsswitch.conf"), "hosts: files\n");
        Result probe = Run.command("unshare", "-m", "sh", "-c",
                "mount --bind " + hosts + " /etc/hosts && mount --bind " + nss + " /etc/nsswitch.conf").run();
        Assumptions.assumeTrue(probe.exitStatus() == 0,
                "skipped: no mount namespace here (unshare -m and mount --bind need root): " + probe.stderr().strip());
        List<Run> runs = new ArrayList<>();
        for (List<String> cmd : commands) {
            List<String> c = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/nsswitch.conf && shift 2 && exec \"$@\"",
                    "sh", hosts.toString(), nss.toString()));
            c.addAll(cmd);
            runs.add(Run.command(c.toArray(String[]::new)).env("SYSKIT_JAVA", Run.JAVA));
        }
        return Run.all(runs);
    }

    @Test
    void aPrivateHostsFileGivesTheAliasListBothWays() throws IOException {
        String bin = Run.ROOT.resolve("bin/syskit").toString();
        String byname = CReference.build("ch08/gethostbyname"), byaddr = CReference.build("ch08/gethostbyaddr");
        List<Result> r = inPrivateHosts(List.of(
                List.of(bin, "ch08/gethostbyname", "kit-alias1"), List.of(byname, "kit-alias1"),
                List.of(bin, "ch08/gethostbyaddr", "127.0.0.5"), List.of(byaddr, "127.0.0.5"),
                List.of(bin, "ch08/gethostbyname", "nosuch.example"), List.of(byname, "nosuch.example"),
                List.of(bin, "ch08/gethostbyaddr", "127.0.0.9"), List.of(byaddr, "127.0.0.9")));
        String aliases = "Official name: kithost.example \nAliases 1: kit-alias1 \nAliases 2: kit-alias2 \n"
                + "Address type: AF_INET \nIP addr 1: 127.0.0.5 \n";
        for (int i = 0; i < 2; i++) {
            assertThat(r.get(i).exitStatus()).as(r.get(i).toString()).isZero();
            assertThat(r.get(i).stdout()).isEqualTo(aliases);
            // the book's gethostbyaddr prints "Aliases %d:%s" without the space
            assertThat(r.get(2 + i).exitStatus()).as(r.get(2 + i).toString()).isZero();
            assertThat(r.get(2 + i).stdout()).isEqualTo(aliases.replace("Aliases 1: ", "Aliases 1:").replace("Aliases 2: ", "Aliases 2:"));
            for (Result unknown : List.of(r.get(4 + i), r.get(6 + i))) {
                assertThat(unknown.exitStatus()).as(unknown.toString()).isEqualTo(1);
                assertThat(unknown.stdout()).isEmpty();
                assertThat(unknown.stderr()).isEqualTo("gethost... error: Unknown host\n");
            }
        }
    }

    @Test
    void badArgumentsExit1WithAClearMessage() {
        String byname = CReference.build("ch08/gethostbyname"), byaddr = CReference.build("ch08/gethostbyaddr");
        List<Result> r = Run.all(List.of(Run.listing("ch08/gethostbyname"), Run.command(byname),
                Run.listing("ch08/gethostbyaddr", "1", "2"), Run.command(byaddr, "1", "2"),
                Run.listing("ch08/gethostbyaddr", "localhost"), Run.command(byaddr, "localhost")));
        assertThat(r.get(0).stdout()).isEqualTo("Usage : ch08/gethostbyname <addr>\n");
        assertThat(r.get(1).stdout()).isEqualTo("Usage : " + byname + " <addr>\n");
        assertThat(r.get(2).stdout()).isEqualTo("Usage : ch08/gethostbyaddr <IP>\n");
        assertThat(r.get(3).stdout()).isEqualTo("Usage : " + byaddr + " <IP>\n");
        for (Result x : r.subList(4, 6)) {
            assertThat(x.stderr()).isEqualTo("bad address 'localhost': give an IPv4 address such as 127.0.0.1\n");
        }
        for (Result x : r) assertThat(x.exitStatus()).as(x.toString()).isEqualTo(1);
    }
}
