package syskit.ch18;

import static syskit.os.GetNum.getCount;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.Pthread.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;


/**
 * ch18/thread2: pthread_join waits for the thread and hands main what the thread returned, a
 * pointer to a message the thread malloc'd; main prints it and frees it.
 * Usage: thread2 [ms]   (ms: the length of the listing's "second"; default 1000)
 */
public final class Thread2 {
    public static int main(String[] argv) {
        Thread1.second = getCount(argv, 1, 1000, 1, 1_000_000, "ms") * 1000L;
        Arena arena = Arena.ofShared();
        long[] t_id = new long[1];
        MemorySegment thread_param = arena.allocateFrom(JAVA_INT, 5);
        MemorySegment[] thr_ret = new MemorySegment[1];

        if (pthread_create(t_id, MemorySegment.NULL, Thread2::thread_main, thread_param) != 0) {
            System.out.println("pthread_create() error");
            return -1;
        }
        if (pthread_join(t_id[0], thr_ret) != 0) {
            System.out.println("pthread_join() error");
            return -1;
        }
        // What came back is a bare address (a zero-length segment): reinterpret gives it C's view, a
        // NUL-terminated string of at most the 50 bytes the thread allocated.
        System.out.println("Thread return message : " + thr_ret[0].reinterpret(50).getString(0) + " ");
        syskit.os.Stdlib.free(thr_ret[0]);
        return 0;
    }

    static MemorySegment thread_main(MemorySegment arg) {
        int i;
        int cnt = arg.get(JAVA_INT, 0);
        // C's malloc, not an arena: the memory must outlive this thread and be freed by main,
        // exactly as in the book. (An arena closed here would leave main a dangling pointer.)
        MemorySegment msg = syskit.os.Stdlib.malloc(50).reinterpret(50);
        msg.setString(0, "Hello,I'am thread~ \n");
        for (i = 0; i < cnt; i++) {
            Thread1.sleep_units(1);
            System.out.println("running thread");
        }
        return msg;
    }
}
