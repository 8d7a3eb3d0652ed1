package syskit.ch18;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.GetNum.getCount;
import static syskit.os.Pthread.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ch18/thread1: main starts one thread and sleeps 10 s; the thread prints "running thread" five
 * times, one second apart. The process ends when main returns, whatever its threads are doing.
 * Usage: thread1 [ms]   (ms: the length of the listing's "second"; default 1000)
 */
public final class Thread1 {
    /** The listing's second, in microseconds: 1 s unless the argument shortens it (the tests do). */
    static long second = 1_000_000;

    public static int main(String[] argv) {
        second = getCount(argv, 1, 1000, 1, 1_000_000, "ms") * 1000L;
        // A shared arena: the thread reads thread_param, and a confined segment belongs to one thread.
        Arena arena = Arena.ofShared();
        long[] t_id = new long[1];
        MemorySegment thread_param = arena.allocateFrom(JAVA_INT, 5);

        if (pthread_create(t_id, MemorySegment.NULL, Thread1::thread_main, thread_param) != 0) {
            System.out.println("pthread_create() error");
            return -1;
        }
        sleep_units(10);
        System.out.println("end of main");
        return 0;
    }

    static MemorySegment thread_main(MemorySegment arg) {
        int i;
        int cnt = arg.get(JAVA_INT, 0);
        for (i = 0; i < cnt; i++) {
            sleep_units(1);
            System.out.println("running thread");
        }
        return MemorySegment.NULL;
    }

    /** sleep(n) at the book's speed; usleep(n * second) when the argument shortened the second. */
    static void sleep_units(int n) {
        if (second == 1_000_000) syskit.os.Unistd.sleep(n);
        else syskit.os.Unistd.usleep((int) (n * second));
    }
}
