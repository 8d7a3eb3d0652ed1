package syskit.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import syskit.os.Pthread;
import syskit.os.Stdlib;
import syskit.posix.pthread_mutex_t;

/**
 * bench/mutex [N]: the cost of a pthread mutex used as chapter 18's mutex listing uses it, the
 * twin of bench/c/mutex.c (JIT profile). Two threads ({@link Pthread#pthread_create}) each lock
 * a shared mutex, add one to a shared counter and unlock it, N times (default 2000000); a first
 * round of N/10 each is untimed, so that the JIT has compiled the loop. Prints nanoseconds per
 * lock+unlock pair (from the first pthread_create to the last pthread_join, over 2N). The mutex
 * and the counter live in native memory, as the C twin's statics do.
 */
public final class MutexBench {
    static final MemorySegment MUTEX = pthread_mutex_t.allocate(Arena.global());
    static final MemorySegment NUM = Arena.global().allocate(ValueLayout.JAVA_LONG);
    static volatile long nEach;

    public static int main(String[] argv) {
        int n = argv.length > 1 ? Stdlib.atoi(argv[1]) : 2_000_000;
        if (n <= 0) {
            System.err.println("usage: " + argv[0] + " [N], N a positive number of pairs per thread");
            return 2;
        }
        Pthread.pthread_mutex_init(MUTEX, MemorySegment.NULL);
        roundOf(n / 10 + 1);
        NUM.set(ValueLayout.JAVA_LONG, 0, 0L);
        long elapsed = roundOf(n);
        long num = NUM.get(ValueLayout.JAVA_LONG, 0);
        Pthread.pthread_mutex_destroy(MUTEX);
        if (num != 2L * n) {
            System.err.println("mutex: the counter is " + num + ", not " + 2L * n);
            return 1;
        }
        System.out.println(Bench.line("mutex", elapsed / (2.0 * n), "ns per lock+unlock pair", "2 threads x " + n + " pairs"));
        return 0;
    }

    static MemorySegment add(MemorySegment unused) {
        long n = nEach;
        for (long i = 0; i < n; i++) {
            Pthread.pthread_mutex_lock(MUTEX);
            NUM.set(ValueLayout.JAVA_LONG, 0, NUM.get(ValueLayout.JAVA_LONG, 0) + 1);
            Pthread.pthread_mutex_unlock(MUTEX);
        }
        return MemorySegment.NULL;
    }

    /** One round: two threads, n lock+unlock pairs each. Returns the elapsed nanoseconds. */
    static long roundOf(long n) {
        long[] t1 = new long[1], t2 = new long[1];
        nEach = n;
        long start = System.nanoTime();
        Pthread.pthread_create(t1, MemorySegment.NULL, MutexBench::add, MemorySegment.NULL);
        Pthread.pthread_create(t2, MemorySegment.NULL, MutexBench::add, MemorySegment.NULL);
        Pthread.pthread_join(t1[0], null);
        Pthread.pthread_join(t2[0], null);
        return System.nanoTime() - start;
    }
}
