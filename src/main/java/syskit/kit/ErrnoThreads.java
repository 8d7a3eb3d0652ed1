package syskit.kit;

import static syskit.os.Errno.errno;
import static syskit.os.Unistd.close;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

import syskit.os.Errno;
import syskit.os.Fcntl;
import syskit.os.Pthread;
import syskit.os.Signal;
import syskit.os.Socket;
import syskit.posix.posix_h;

/**
 * kit/errno_threads [N]: errno is per thread. Four pthreads each make N failing calls that set a
 * different errno (close(-1): EBADF; open of a missing file: ENOENT; kill of a pid that cannot
 * exist: ESRCH; socket with a bad family: EAFNOSUPPORT), all at once, and after each call check
 * that errno is their own. Prints one line; exit 0 only when no thread ever saw another's errno.
 */
public final class ErrnoThreads {
    private static final AtomicInteger wrong = new AtomicInteger(), calls = new AtomicInteger();

    private record Case(String call, int expected, java.util.function.IntSupplier fails) {}

    private static final Case[] CASES = {
            new Case("close(-1)", posix_h.EBADF(), () -> close(-1)),
            new Case("open(missing)", posix_h.ENOENT(), () -> Fcntl.open("/nonexistent/syskit", Fcntl.O_RDONLY)),
            new Case("kill(2^30, 0)", posix_h.ESRCH(), () -> Signal.kill(1 << 30, 0)),
            new Case("socket(-1, ...)", posix_h.EAFNOSUPPORT(), () -> Socket.socket(-1, Socket.SOCK_STREAM, 0)),
    };

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Integer.parseInt(argv[1]) : 20_000;
        long[][] threads = new long[CASES.length][1];
        for (int i = 0; i < CASES.length; i++) {
            Case c = CASES[i];
            int r = Pthread.pthread_create(threads[i], MemorySegment.NULL, arg -> {
                for (int k = 0; k < n; k++) {
                    if (c.fails().getAsInt() != -1 || errno() != c.expected()) {
                        if (wrong.incrementAndGet() <= 3) {
                            System.err.println(c.call() + ": errno " + errno() + ", expected " + c.expected());
                        }
                    }
                    calls.incrementAndGet();
                }
                return MemorySegment.NULL;
            }, MemorySegment.NULL);
            if (r != 0) {
                System.err.println("pthread_create: " + Errno.strerror(r));
                return 1;
            }
        }
        for (long[] t : threads) Pthread.pthread_join(t[0], null);
        System.out.println("errno_threads: " + CASES.length + " threads, " + calls.get() + " failing calls, "
                + wrong.get() + " saw another thread's errno");
        return wrong.get() == 0 && calls.get() == CASES.length * n ? 0 : 1;
    }
}
