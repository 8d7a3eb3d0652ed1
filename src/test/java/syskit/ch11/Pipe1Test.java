package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.Peers.Lang;
import syskit.harness.CReference;
import syskit.harness.PipeTrace;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch11/pipe1 run as a real process, and set against its C++ reference chapters/ch11/cpp/pipe1.cpp. */
class Pipe1Test {
    private static PipeTrace java, cpp;   // one strace run of each, shared by the tests below

    static PipeTrace javaTrace() {
        if (java == null) java = PipeTrace.of(Run.listing("ch11/pipe1"), "fds");
        return java;
    }

    static PipeTrace cppTrace() {
        if (cpp == null) cpp = PipeTrace.of(Lang.C.run("ch11/pipe1"), "fds");
        return cpp;
    }

    @Test
    void printsExactlyWhoAreYouAndExits0() {
        Result r = Run.listing("ch11/pipe1").run();
        assertThat(r.hung()).as(r.toString()).isFalse();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Who are you?\n");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void thirteenBytesCrossThePipeFromChildToParent() {
        assertThat(javaTrace().lines()).containsExactly(
                "parent read fds[0] \"Who are you?\\0\" (13 bytes)",
                "child write fds[1] \"Who are you?\\0\" (13 bytes)");
    }

    @Test
    void theChildExits0AndIsNotLeftAZombie() {
        PipeTrace t = javaTrace();
        assertThat(t.childExitStatus()).as("the child's exit status, from strace").isEqualTo(0);
        assertThat(t.result().hung()).as("every process ended by itself: %s", t.result()).isFalse();
    }

    /**
     * The parent never waits for its child: once the parent has ended, init (or the nearest
     * subreaper) reaps the orphan. Checked before anything is killed: the whole session,
     * zombies included, empties on its own.
     */
    @Test
    void onceTheParentEndsTheOrphanIsReapedWithoutAnyKill() {
        try (Run.Started s = Run.listing("ch11/pipe1").start()) {
            assertThat(s.awaitExit(Duration.ofSeconds(20))).as("the parent ended").isTrue();
            assertThat(Await.until(() -> Proc.inSession(s.pid()).isEmpty(), Duration.ofSeconds(20)))
                    .as("left in the session (a zombie would stay): %s", Proc.inSession(s.pid())).isTrue();
            assertThat(s.stdout()).isEqualTo("Who are you?\n");
        }
    }

    @Test
    void printsAndExitsAsTheCReferenceDoes() {
        assertThat(javaTrace().result().stdout()).isEqualTo(cppTrace().result().stdout());
        assertThat(javaTrace().result().exitStatus()).isEqualTo(cppTrace().result().exitStatus());
        assertThat(javaTrace().childExitStatus()).isEqualTo(cppTrace().childExitStatus());
    }

    @Test
    void movesTheSameBytesThroughThePipeAsTheCReference() {
        assertThat(javaTrace().lines()).isEqualTo(cppTrace().lines());
    }
}
