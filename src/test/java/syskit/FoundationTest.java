package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;

/** The launcher and the fork-safe runtime, each run as a real process through the harness. */
class FoundationTest {

    @Test
    void aForkedChildThatPrintsAllocatesAndCallsCIsReapedWithStatus7_100TimesWithoutAHang() {
        Result r = Run.listing("kit/forkcheck", "100").timeout(Duration.ofSeconds(120)).run();
        assertThat(r.hung()).as("hung: %s", r).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("forkcheck: 100 of 100 children exited with 7");
        assertThat(r.lines()).filteredOn(l -> l.startsWith("child ")).hasSize(100);
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void anUnknownListingExits2WithOneLine() {
        Result r = Run.listing("ch99/nope").run();
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr().lines()).containsExactly("syskit: no listing 'ch99/nope' ('make list' shows them all)");
        assertThat(r.stderr()).doesNotContain("Exception");
    }

    @Test
    void aJvmStartedWithoutTheProfileRestartsItselfWithIt() {
        Result r = Run.command(Run.JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", Run.CLASSES.toString(),
                "syskit.launch.Launcher", "ch11/pipe1").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Who are you?\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void theLauncherScriptPassesTheListingsExitStatusThrough() {
        Result ok = Run.command(Run.ROOT.resolve("bin/syskit").toString(), "ch11/pipe1").run();
        assertThat(ok.exitStatus()).isZero();
        assertThat(ok.stdout()).isEqualTo("Who are you?\n");
        Result usage = Run.command(Run.ROOT.resolve("bin/syskit").toString()).run();
        assertThat(usage.exitStatus()).isEqualTo(2);
        assertThat(usage.stderr()).startsWith("usage: bin/syskit <listing>");
    }

    @Test
    void listPrintsEveryIdWithWhatItShows() {
        Result r = Run.command(Run.ROOT.resolve("bin/syskit").toString(), "--list").run();
        assertThat(r.exitStatus()).isZero();
        for (String id : List.of("ch11/pipe1", "ch11/pipe2", "ch11/pipe3", "ch11/echo_storeserver",
                "ch10/echo_mpclient", "ch11/three_conversation")) {
            assertThat(r.stdout()).contains(id);
        }
    }
}
