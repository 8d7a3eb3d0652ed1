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

import syskit.harness.Peers.Lang;
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

    /**
     * Both tables, the child's and the parent's, two different processes: in each, fds[0] and
     * fds[1] (the numbers pipe() returned) name the same pipe:[inode], and it is one inode for both.
     */
    @Test
    void answer3_pipeFdsListingShowsOnePipeInBothProcesses() {
        Result r = Run.listing("ch11/pipe_fds").run();
        assertThat(r.exitStatus()).as(r.toString()).isZero();
        Matcher made = Pattern.compile("fds\\[0\\] = (\\d+) \\(read end\\), fds\\[1\\] = (\\d+)").matcher(r.stdout());
        assertThat(made.find()).as(r.stdout()).isTrue();
        String read = made.group(1), write = made.group(2);
        Map<String, Map<String, String>> tables = new java.util.LinkedHashMap<>();   // "child (pid N)" -> fd -> target
        Map<String, String> current = null;
        for (String line : r.lines()) {
            Matcher head = Pattern.compile("^(child|parent) \\(pid (\\d+)\\):$").matcher(line);
            Matcher entry = Pattern.compile("^ +(\\d+) -> (.*)$").matcher(line);
            if (head.matches()) tables.put(line, current = new java.util.TreeMap<>());
            else if (entry.matches() && current != null) current.put(entry.group(1), entry.group(2));
        }
        assertThat(tables.keySet()).as(r.stdout()).hasSize(2)
                .anyMatch(k -> k.startsWith("child ")).anyMatch(k -> k.startsWith("parent "));
        assertThat(tables.keySet().stream().map(k -> k.replaceAll("\\D", "")).distinct()).as("two processes").hasSize(2);
        Set<String> inodes = new TreeSet<>();
        for (Map<String, String> t : tables.values()) {
            assertThat(t.get(read)).as("fds[0] in %s", t).matches("pipe:\\[\\d+\\]");
            assertThat(t.get(write)).as("fds[1] in %s", t).isEqualTo(t.get(read));
            inodes.add(t.get(read));
        }
        assertThat(inodes).as("one pipe in the kernel, named by both processes").hasSize(1);
    }

    /** The exercise text (and question 4 above): C++'s cin reads ahead from a file, as System.in does. */
    @Test
    void exercise_cppCinWithStdinFromAFileTakesTheOtherProcesssLine() {
        Result r = Lang.C.run("ch11/cin_reads_ahead").stdin("first\nsecond\n").run();
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
