package syskit.ch18;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import syskit.harness.Await;
import syskit.harness.CReference;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch18/thread1 .. thread4, mutex, semaphore: the Java port and the C reference, side by side. */
class ThreadsTest {
    static final Duration SHORT = Duration.ofSeconds(30);
    static final int CLOCK_NANOSLEEP = 230;   // x86-64: sleep(3) and usleep(3) end up here

    static Result java(String id, String stdin, String... args) {
        return Run.listing(id, args).stdin(stdin).timeout(SHORT).run();
    }

    static Result c(String id, String stdin, String... args) {
        return Run.command(cmd(id, args)).stdin(stdin).timeout(SHORT).run();
    }

    static String[] cmd(String id, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = CReference.build(id);
        System.arraycopy(args, 0, cmd, 1, args.length);
        return cmd;
    }

    static final String THREAD1 = "running thread\n".repeat(5) + "end of main\n";

    /**
     * thread1 with a "second" of 150 ms: while it runs, two tasks of the process sleep in
     * clock_nanosleep (main and the new thread); one of them ends after the fifth line. The
     * output is the same in Java and in C.
     */
    @Test
    void thread1RunsARealThreadThatEndsBeforeMain() {
        for (boolean isC : new boolean[] {false, true}) {
            Run run = isC ? Run.command(cmd("ch18/thread1", "150")) : Run.listing("ch18/thread1", "150");
            try (Run.Started s = run.timeout(SHORT).start()) {
                assertThat(Await.until(() -> sleepers(s.pid()).size() >= 2, SHORT))
                        .as("two tasks asleep in /proc/%d/task", s.pid()).isTrue();
                Set<Integer> during = sleepers(s.pid());
                assertThat(s.awaitOutput("running thread\n".repeat(5), SHORT)).as(s.stdout()).isTrue();
                // the thread returned after its fifth line: its task leaves /proc/PID/task
                assertThat(Await.until(() -> !tasks(s.pid()).containsAll(during) || !s.alive(), SHORT)).isTrue();
                Result r = s.await();
                assertThat(r.exitStatus()).as(r.toString()).isZero();
                assertThat(r.stdout()).isEqualTo(THREAD1);
                assertThat(r.millis()).as("main sleeps 10 units of 150 ms").isGreaterThanOrEqualTo(1500);
            }
        }
    }

    static Set<Integer> sleepers(int pid) {
        return Proc.syscalls(pid).stream().filter(t -> t.nr() == CLOCK_NANOSLEEP).map(Proc.Syscall::tid).collect(Collectors.toSet());
    }

    static Set<Integer> tasks(int pid) {
        return Proc.syscalls(pid).stream().map(Proc.Syscall::tid).collect(Collectors.toSet());
    }

    @Test
    void thread2GetsTheMessageBackThroughPthreadJoin() {
        String expected = "running thread\n".repeat(5) + "Thread return message : Hello,I'am thread~ \n \n";
        Result j = java("ch18/thread2", "", "50"), cr = c("ch18/thread2", "", "50");
        assertThat(j.stdout()).as(j.toString()).isEqualTo(expected);
        assertThat(cr.stdout()).isEqualTo(expected);
        assertThat(j.exitStatus()).isZero();
        assertThat(cr.exitStatus()).isZero();
    }

    @Test
    void thread3Sums1To10() {
        assertThat(java("ch18/thread3", "").stdout()).isEqualTo("result: 55 \n");
        assertThat(c("ch18/thread3", "").stdout()).isEqualTo("result: 55 \n");
    }

    /**
     * 4 threads of 5,000,000 steps (20,000,000 in C, whose loop is faster): two threads on two
     * cores overlap for milliseconds, and a lost update needs only one interleaving. On a loaded
     * machine the threads can run one after another, so up to 20 runs, stopping at the first
     * result that is not 0 (the first one, nearly always).
     */
    @Test
    void thread4LosesUpdatesAndMutexDoesNot() {
        for (boolean isC : new boolean[] {false, true}) {
            String last = "";
            for (int run = 0; run < 20 && (last.isEmpty() || last.equals("result: 0 ")); run++) {
                Result r = isC ? c("ch18/thread4", "", "20000000", "4") : java("ch18/thread4", "", "5000000", "4");
                assertThat(r.lines()).as(r.toString()).hasSize(2);
                assertThat(r.lines().get(0)).isEqualTo("sizeof long long: 8 ");
                last = r.lines().get(1);
            }
            assertThat(last).as(isC ? "C" : "Java").startsWith("result: ").isNotEqualTo("result: 0 ");

            Result m = isC ? c("ch18/mutex", "", "200000", "4") : java("ch18/mutex", "", "200000", "4");
            assertThat(m.stdout()).as(m.toString()).isEqualTo("result: 0 \n");
        }
    }

    @Test
    void semaphoreTakesStrictTurns() {
        String prompts = "Input num: ".repeat(5);
        // all five numbers at once: without the turns, read would overwrite num before accu adds it
        for (String[] in : List.of(new String[] {"1 2 3 4 5\n", "15"}, new String[] {"10\n20\n30\n40\n50\n", "150"},
                new String[] {"1 2 x 4 5\n", "9"})) {   // scanf stops at x: num stays 2 for the rest
            Result j = java("ch18/semaphore", in[0]), cr = c("ch18/semaphore", in[0]);
            assertThat(j.stdout()).as(j.toString()).isEqualTo(prompts + "Result: " + in[1] + " \n");
            assertThat(cr.stdout()).isEqualTo(j.stdout());
        }
    }

    @Test
    void badCountsEndWithOneLineInJavaAndC() {
        for (Result r : new Result[] {java("ch18/thread4", "", "many"), c("ch18/mutex", "", "many")}) {
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("bad count 'many': give a number from 1 to 2147483647\n");
            assertThat(r.stdout()).isEmpty();
        }
        for (Result r : new Result[] {java("ch18/thread1", "", "-5"), c("ch18/thread1", "", "-5")}) {
            assertThat(r.exitStatus()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("bad ms '-5': give a number from 1 to 1000000\n");
        }
    }
}
