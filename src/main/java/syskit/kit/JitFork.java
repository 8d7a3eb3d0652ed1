package syskit.kit;

import static syskit.os.Unistd.fork;

/**
 * kit/jitfork: a program that forks although its catalogue entry says 'jit'. The kit must refuse
 * the fork before anything forks, with one sentence naming the entry to change.
 */
public final class JitFork {
    public static int main(String[] argv) {
        System.out.println("about to fork");
        int pid = fork();
        System.out.println("fork returned " + pid); // never reached: fork refuses in the JIT profile
        return 0;
    }
}
