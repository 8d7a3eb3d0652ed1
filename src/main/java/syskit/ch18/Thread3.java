package syskit.ch18;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.Pthread.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** ch18/thread3: two threads add 1..5 and 6..10 into one global sum: result: 55. */
public final class Thread3 {
    static int sum = 0;

    public static int main(String[] argv) {
        Arena arena = Arena.ofShared();
        long[] id_t1 = new long[1], id_t2 = new long[1];
        MemorySegment range1 = arena.allocateFrom(JAVA_INT, 1, 5);
        MemorySegment range2 = arena.allocateFrom(JAVA_INT, 6, 10);

        pthread_create(id_t1, MemorySegment.NULL, Thread3::thread_summation, range1);
        pthread_create(id_t2, MemorySegment.NULL, Thread3::thread_summation, range2);

        pthread_join(id_t1[0], null);
        pthread_join(id_t2[0], null);
        System.out.println("result: " + sum + " ");
        return 0;
    }

    static MemorySegment thread_summation(MemorySegment arg) {
        int start = arg.getAtIndex(JAVA_INT, 0);
        int end = arg.getAtIndex(JAVA_INT, 1);
        while (start <= end) {
            sum += start;
            start++;
        }
        return MemorySegment.NULL;
    }
}
