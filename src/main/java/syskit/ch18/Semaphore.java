package syskit.ch18;

import static syskit.os.Pthread.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Scanner;

import syskit.posix.sem_t;

/**
 * ch18/semaphore: two threads take strict turns through two semaphores. "read" reads a number
 * into the global num, "accu" adds it to its sum; after 5 numbers accu prints Result: sum.
 * sem_two (starts at 1) lets read go; sem_one (starts at 0) lets accu go.
 * The book names its thread function read, which in C replaces libc's read(2) for the whole
 * program (see chapters/ch18/README.md); a Java method named read hides nothing.
 */
public final class Semaphore {
    static MemorySegment sem_one;
    static MemorySegment sem_two;
    static int num;

    public static int main(String[] argv) {
        long[] id_t1 = new long[1], id_t2 = new long[1];
        sem_one = sem_t.allocate(Arena.global());   // static globals in C
        sem_two = sem_t.allocate(Arena.global());
        sem_init(sem_one, 0, 0);
        sem_init(sem_two, 0, 1);

        pthread_create(id_t1, MemorySegment.NULL, Semaphore::read, MemorySegment.NULL);
        pthread_create(id_t2, MemorySegment.NULL, Semaphore::accu, MemorySegment.NULL);

        pthread_join(id_t1[0], null);
        pthread_join(id_t2[0], null);

        sem_destroy(sem_one);
        sem_destroy(sem_two);
        return 0;
    }

    static MemorySegment read(MemorySegment arg) {
        int i;
        for (i = 0; i < 5; i++) {
            System.out.print("Input num: ");

            sem_wait(sem_two);
            scanf_d();
            sem_post(sem_one);
        }
        return MemorySegment.NULL;
    }

    static MemorySegment accu(MemorySegment arg) {
        int sum = 0, i;
        for (i = 0; i < 5; i++) {
            sem_wait(sem_one);
            sum += num;
            sem_post(sem_two);
        }
        System.out.println("Result: " + sum + " ");
        return MemorySegment.NULL;
    }

    private static final Scanner stdin = new Scanner(System.in);

    /**
     * scanf("%d", &num): the next number on stdin into num. Like scanf, it leaves num as it was
     * when the input ends or the next word is not a number (and leaves that word unread).
     */
    private static void scanf_d() {
        System.out.flush();   // as glibc does before it reads a terminal: the prompt shows first
        if (stdin.hasNextInt()) num = stdin.nextInt();
    }
}
