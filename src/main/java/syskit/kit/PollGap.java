package syskit.kit;

import static syskit.os.Errno.*;
import static syskit.os.Signal.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Signal.Sigaction;

/**
 * kit/pollgap: a SIGUSR1 handler (no SA_RESTART) and one read() of standard input. The kit
 * waits for a handler-installed read with poll, then reads. If another process takes the bytes
 * between the two (a test forces that), the read must not block with the signal queued: SIGUSR1
 * must still run its handler and cut the read short with EINTR, as in C.
 */
public final class PollGap {
    static void onUsr1(int sig) {
        System.out.println("SIGUSR1 handled");
    }

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            Sigaction act = new Sigaction();
            act.sa_handler = PollGap::onUsr1;
            sigemptyset(act.sa_mask);
            act.sa_flags = 0;
            sigaction(SIGUSR1, act, null);
            System.out.println("reading");
            int r = read(STDIN_FILENO, buf, buf.byteSize());
            System.out.println("read: " + (r == -1 ? "-1 " + strerror(errno()) : r + " bytes"));
            return 0;
        }
    }
}
