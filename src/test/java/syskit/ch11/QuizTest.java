package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Run.Started;

/**
 * The chapter 11 quiz answers (내용 확인문제, chapters/ch11/README.md): each answer names a
 * command, and each test here runs that command and checks it shows what the answer says.
 * Answer 3's two-way caveat is backed by ExercisesTest ("wrong answer one_pipe fails").
 */
class QuizTest {
    private static final Pattern PIPE = Pattern.compile("pipe:\\[(\\d+)\\]");

    @Test
    void answers1And2_aVariableTheChildChangesStaysUnchangedInTheParent_onlyThePipeCarriesIt() {
        Result r = Run.listing("ch11/separate_memory").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("child:  num = 20", "parent: num = 10",
                "parent: the pipe says \"num is 20\"");
        assertThat(r.survivors()).isEmpty();
    }

    @Test
    void answer3_forkCopiesTheDescriptorsNotThePipe_parentAndChildHoldTheSameTwoPipes() {
        try (Started s = Run.listing("ch11/three_conversation").stdinPipe().timeout(Duration.ofSeconds(20)).start()) {
            assertThat(s.awaitOutput("Child : ", Duration.ofSeconds(20))).as("the child's prompt").isTrue();
            List<Proc> children = Proc.childrenOf(s.pid());
            assertThat(children).hasSize(1);
            Map<Integer, String> parent = Proc.fds(s.pid()), child = Proc.fds(children.get(0).pid());
            // fds 0-2 are the harness's; the rest are what pipe() made, as ls -l /proc/PID/fd shows them
            Set<String> parentPipes = pipes(parent.entrySet().stream().filter(e -> e.getKey() > 2).map(Map.Entry::getValue).toList());
            Set<String> childPipes = pipes(child.entrySet().stream().filter(e -> e.getKey() > 2).map(Map.Entry::getValue).toList());
            assertThat(parentPipes).as("parent %s, child %s", parent, child).hasSize(2).isEqualTo(childPipes);
        }
    }

    @Test
    void answer3_pipeFdsListingShowsOnePipeInBothProcesses() {
        Result r = Run.listing("ch11/pipe_fds").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        Matcher m = PIPE.matcher(r.stdout());
        List<String> inodes = m.results().map(x -> x.group(1)).toList();
        assertThat(inodes).as("a pipe inode both processes list: %s", r.stdout())
                .anyMatch(i -> inodes.indexOf(i) != inodes.lastIndexOf(i));
    }

    /** The exercise text (and question 4 above): C++'s cin reads ahead from a file, as System.in does. */
    @Test
    void exercise_cppCinWithStdinFromAFileTakesTheOtherProcesssLine() {
        Result r = Run.command(CReference.build("ch11/cin_reads_ahead")).stdin("first\nsecond\n").run();
        assertThat(r.lines()).containsExactly("child got: first",
                "parent got nothing: the child's cin took the rest of the file");
    }

    private static Set<String> pipes(Collection<String> targets) {
        Set<String> inodes = new TreeSet<>();
        for (String t : targets) {
            Matcher m = PIPE.matcher(t);
            if (m.matches()) inodes.add(m.group(1));
        }
        return inodes;
    }
}
