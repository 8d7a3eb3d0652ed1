package syskit.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static syskit.launch.LearnerLoopTest.make;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;

/**
 * The exercise loop as rustlings and exercism learners have it, through make: make exercises
 * (where each exercise stands), make hint (one hint at a time, remembered), make watch (a check
 * at each save, Ctrl-C ends it). Each test keeps its learner's state in a folder of its own
 * (SYSKIT_STATE), never in the kit's .learner/, and no test edits a file under exercises/.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExerciseLoopTest {
    @TempDir
    Path state;

    private Run inState(Run run) {
        return run.env("SYSKIT_STATE", state.toString()).env("LANG", "C").env("LC_ALL", "").env("LC_MESSAGES", "");
    }

    @Test
    void makeExercisesShowsWhatTheLastCheckSaidAndWhatChangedSince() throws IOException {
        Result fresh = inState(make("-s", "exercises")).run();
        assertThat(fresh.exitStatus()).as(fresh.toString()).isZero();
        assertThat(fresh.stdout()).contains("  ch01/copy_file               not started\n").endsWith("0 of 11 exercises pass.\n");

        // a real make check of the untouched starter records its verdict; this one in Korean (make
        // watch's below speaks English): the kit's lines and the check's own words change language
        Result check = inState(make("-s", "check", "EX=ch02/delayed_read")).env("LANG", "ko_KR.UTF-8").timeout(Duration.ofSeconds(150)).run();
        assertThat(check.exitStatus()).as(check.toString()).isEqualTo(2);   // make's status for a failed check
        assertThat(check.stdout()).as(check.toString()).contains("는 아직 손대지 않은 시작 파일이다").contains("ch02/delayed_read 검사: ")
                .contains("  실패  연결한 뒤 소켓을 읽기 전에 Enter를 기다린다")   // the check's own name, from its bundle
                .containsPattern("ch02/delayed_read: 검사 \\d+개 중 0개 통과\\.").doesNotContain("  FAIL  ");
        // two verdicts written as bin/check writes them: one passing, one older than the file it judged
        Files.createDirectories(state.resolve("ch10"));
        Files.writeString(state.resolve("ch10/no_zombie.status"), "3 3\n");
        Path old = Files.writeString(state.resolve("ch10/three_children.status"), "1 2\n");
        Files.setLastModifiedTime(old, FileTime.fromMillis(0));

        Result r = inState(make("-s", "exercises")).run();
        assertThat(r.stdout()).as(r.toString())
                .containsPattern("  ch02/delayed_read +failing \\(0 of \\d+ checks pass\\)\n")
                .contains("  ch10/no_zombie               passing (all 3 checks)\n")
                .contains("  ch10/three_children          failing (1 of 2 checks pass), then changed: check it again\n")
                .contains("  ch01/copy_file               not started\n")
                .endsWith("1 of 11 exercises pass.\n");
    }

    @Test
    void makeHintGivesTheNextHintEachTimeThenTheLastAgainInTheLearnersLanguage() throws IOException {
        String[] seen = new String[4];
        for (int i = 0; i < 4; i++) {
            Result r = inState(make("-s", "hint", "EX=ch10/no_zombie")).run();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            seen[i] = r.stdout();
        }
        assertThat(seen[0]).startsWith("Hint 1 of 3 (ch10/no_zombie):\n").endsWith("make hint EX=ch10/no_zombie again gives the next one.\n");
        assertThat(seen[1]).startsWith("Hint 2 of 3 (ch10/no_zombie):\n");
        assertThat(seen[2]).startsWith("Hint 3 of 3 (ch10/no_zombie):\n").contains("That was the last hint");
        assertThat(seen[3]).isEqualTo(seen[2]);
        String[] texts = {seen[0], seen[1], seen[2]};
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(Files.readString(Run.ROOT.resolve("exercises/ch10/no_zombie/hints.md"))).contains(seen[1].lines().skip(1).findFirst().orElseThrow());

        Result ko = inState(make("-s", "hint", "EX=ch01/copy_file")).env("LANG", "ko_KR.UTF-8").run();
        assertThat(ko.stdout()).as(ko.toString()).startsWith("힌트 1/3 (ch01/copy_file):\n").contains("다시 실행하면 다음 힌트가 나온다");
        Result typo = inState(make("-s", "hint", "EX=ch10/no_zombi")).run();
        assertThat(typo.exitStatus()).isEqualTo(2);
        assertThat(typo.stderr()).contains("hint: no exercise 'ch10/no_zombi'");
    }

    /**
     * stdin passes through make check (which reads none of it, and must not wait for it) and
     * reaches the learner's answer under make try: the reference, checked as another file, is
     * what make try then runs, on six-lines.txt piped in, and it prints what make run prints.
     */
    @Test
    void pipedStdinPassesThroughMakeCheckAndReachesTheAnswerUnderMakeTry() throws IOException {
        String id = "ch11/three_conversation";
        String input = Files.readString(Run.ROOT.resolve("exercises/" + id + "/six-lines.txt"));
        Result check = inState(make("-s", "check", "EX=" + id, "FILE=src/main/java/syskit/ch11/ThreeConversation.java"))
                .stdin(input).timeout(Duration.ofSeconds(150)).run();
        assertThat(check.exitStatus()).as(check.toString()).isZero();
        assertThat(check.stdout()).contains(id + ": all ");
        Result tried = inState(make("-s", "try", "EX=" + id)).stdin(input).run(), ran = inState(make("-s", "run", "EX=" + id)).stdin(input).run();
        assertThat(tried.exitStatus()).as(tried.toString()).isZero();
        assertThat(tried.stderr()).as(tried.toString()).isEmpty();
        assertThat(tried.stdout()).as(tried.toString()).isEqualTo(ran.stdout()).contains("Child : from Child : Hi, parent\n");
    }

    /** make watch on a copy of the starter: it fails, the reference is saved over it, it passes; Ctrl-C ends it cleanly. */
    @Test
    void makeWatchChecksAgainAtEachSaveAndCtrlCEndsIt(@TempDir Path answer) throws IOException {
        Path file = answer.resolve("CopyFile.java");
        Files.copy(Run.ROOT.resolve("exercises/ch01/copy_file/.starter/CopyFile.java"), file);
        String waiting = "watch: checking again each time you save " + file + " (Ctrl-C ends).";
        try (Run.Started w = inState(make("-s", "watch", "EX=ch01/copy_file", "FILE=" + file)).timeout(Duration.ofSeconds(170)).start()) {
            assertThat(w.awaitOutput(waiting, Duration.ofSeconds(150))).as("the first check: %s", w.stdout()).isTrue();
            assertThat(w.stdout()).contains("  FAIL  ").contains("ch01/copy_file: 0 of 4 checks pass.");
            Files.copy(Run.ROOT.resolve("src/main/java/syskit/ch01/CopyFile.java"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(w.awaitOutput("ch01/copy_file: all 4 checks pass. Well done.\n" + waiting, Duration.ofSeconds(150)))
                    .as("the check after the save: %s", w.stdout()).isTrue();
            Signal.kill(-w.pid(), Signal.SIGINT);   // Ctrl-C: the terminal signals the whole foreground group
            Result r = w.await();
            assertThat(r.hung()).as(r.toString()).isFalse();
            assertThat(r.stdout()).endsWith("watch: stopped.\n").doesNotContain("Exception");
            assertThat(r.stdout().split("Checking ch01/copy_file", -1)).as("one check per save").hasSize(3);
        }
    }
}
