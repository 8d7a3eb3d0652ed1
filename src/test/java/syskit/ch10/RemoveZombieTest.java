package syskit.ch10;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

class RemoveZombieTest {

    @Test
    void theSigchldHandlerReapsBothChildrenWithTheirStatuses() {
        // children sleep 1 s and 3 s: their SIGCHLDs come 2 s apart and cannot merge into one
        try (Run.Started s = Run.listing("ch10/remove_zombie", "1", "3").timeout(Duration.ofSeconds(40)).start()) {
            assertThat(s.awaitOutput("Child send: 24", Duration.ofSeconds(30))).as(s.stdout()).isTrue();
            // the parent still waits in its loop, with no child left, zombie or not
            assertThat(Proc.childrenOf(s.pid())).isEmpty();

            Result r = s.await();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            List<Integer> children = r.lines().stream().filter(l -> l.startsWith("Child proc id: "))
                    .map(l -> Integer.parseInt(l.substring("Child proc id: ".length()).trim())).toList();
            assertThat(children).hasSize(2);
            assertThat(r.lines()).containsSubsequence("Removed proc id: " + children.get(0), "Child send: 12",
                    "Removed proc id: " + children.get(1), "Child send: 24");
            assertThat(r.lines()).filteredOn("Hi! I'm child process"::equals).hasSize(2);
            assertThat(r.lines()).filteredOn("wait..."::equals).hasSize(5);
        }
    }
}
