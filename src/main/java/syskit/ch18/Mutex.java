package syskit.ch18;

import static syskit.os.GetNum.getCount;
import static syskit.os.Pthread.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.pthread_mutex_t;

/**
 * ch18/mutex: thread4 under a mutex: result: 0, every time. As in the book, the two thread
 * functions lock differently: thread_inc takes the lock once around its whole loop, thread_des
 * for every single step (COUNT lock and unlock calls per thread).
 * Usage: mutex [count [threads]]   (the book's: 50000000 and 100)
 */
public final class Mutex {
    static int NUM_THREAD = 100;
    static int COUNT = 50_000_000;
    static long num = 0;
    static MemorySegment mutex;

    public static int main(String[] argv) {
        COUNT = getCount(argv, 1, COUNT, 1, Integer.MAX_VALUE, "count");
        NUM_THREAD = getCount(argv, 2, NUM_THREAD, 1, 10000, "threads");
        long[][] thread_id = new long[NUM_THREAD][1];
        int i;

        mutex = pthread_mutex_t.allocate(Arena.global());   // a global, as in C: it outlives every thread
        pthread_mutex_init(mutex, MemorySegment.NULL);

        for (i = 0; i < NUM_THREAD; i++) {
            if (i % 2 == 1)
                pthread_create(thread_id[i], MemorySegment.NULL, Mutex::thread_inc, MemorySegment.NULL);
            else
                pthread_create(thread_id[i], MemorySegment.NULL, Mutex::thread_des, MemorySegment.NULL);
        }

        for (i = 0; i < NUM_THREAD; i++)
            pthread_join(thread_id[i][0], null);

        System.out.println("result: " + num + " ");
        pthread_mutex_destroy(mutex);
        return 0;
    }

    static MemorySegment thread_inc(MemorySegment arg) {
        int i;
        pthread_mutex_lock(mutex);
        for (i = 0; i < COUNT; i++)
            num += 1;
        pthread_mutex_unlock(mutex);
        return MemorySegment.NULL;
    }

    static MemorySegment thread_des(MemorySegment arg) {
        int i;
        for (i = 0; i < COUNT; i++) {
            pthread_mutex_lock(mutex);
            num -= 1;
            pthread_mutex_unlock(mutex);
        }
        return MemorySegment.NULL;
    }
}
