package syskit.ch18;

import static syskit.os.GetNum.getCount;
import static syskit.os.Pthread.*;

import java.lang.foreign.MemorySegment;

/**
 * ch18/thread4: NUM_THREAD threads, half adding 1 and half subtracting 1, each COUNT times, to
 * one global without a lock. The result should be 0 and is not: updates are lost.
 * Usage: thread4 [count [threads]]   (the book's: 50000000 and 100)
 */
public final class Thread4 {
    static int NUM_THREAD = 100;
    static int COUNT = 50_000_000;
    /**
     * volatile: one load and one store per step, as the book's unoptimised C does. Without it the
     * JIT (like gcc -O2) may keep num in a register for the whole loop. volatile makes each load
     * and store visible, not num += 1 atomic: the race stays.
     */
    static volatile long num = 0;

    public static int main(String[] argv) {
        COUNT = getCount(argv, 1, COUNT, 1, Integer.MAX_VALUE, "count");
        NUM_THREAD = getCount(argv, 2, NUM_THREAD, 1, 10000, "threads");
        long[][] thread_id = new long[NUM_THREAD][1];
        int i;

        System.out.println("sizeof long long: " + Long.BYTES + " ");
        for (i = 0; i < NUM_THREAD; i++) {
            if (i % 2 == 1)
                pthread_create(thread_id[i], MemorySegment.NULL, Thread4::thread_inc, MemorySegment.NULL);
            else
                pthread_create(thread_id[i], MemorySegment.NULL, Thread4::thread_des, MemorySegment.NULL);
        }

        for (i = 0; i < NUM_THREAD; i++)
            pthread_join(thread_id[i][0], null);

        System.out.println("result: " + num + " ");
        return 0;
    }

    static MemorySegment thread_inc(MemorySegment arg) {
        int i;
        for (i = 0; i < COUNT; i++)
            num += 1;
        return MemorySegment.NULL;
    }

    static MemorySegment thread_des(MemorySegment arg) {
        int i;
        for (i = 0; i < COUNT; i++)
            num -= 1;
        return MemorySegment.NULL;
    }
}
