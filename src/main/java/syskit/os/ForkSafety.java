package syskit.os;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import syskit.posix.posix_h;

/**
 * fork() from inside a JVM, made as dependable as in C.
 *
 * Only the calling thread survives in the child; a lock any other JVM thread held at that
 * moment stays held forever. The kit's JVM profile ({@code syskit.launch.Profile}) removes the
 * threads that could hold one while the listing runs (no JIT, serial GC, no signal dispatcher).
 * This class does the rest, before and after the system call:
 * <ol>
 * <li>refuses to fork from any thread but the one running the listing;</li>
 * <li>flushes System.out and System.err, so the child does not inherit (and print again)
 *     the parent's buffered output;</li>
 * <li>collects the heap when the young generation is filling: a child cannot run a GC (the VM
 *     thread is gone), so it must start with room to allocate;</li>
 * <li>links in the parent what every child runs on its way out (the {@code _exit} downcall),
 *     because linking code for the first time in a child is slow;</li>
 * <li>marks the child, so that {@link Stdlib#exit} and the launcher leave it through _exit.</li>
 * </ol>
 */
public final class ForkSafety {
    /** Young-generation bytes a child may allocate before it would need a collection. */
    static final long CHILD_HEAP_BUDGET = 32L << 20;

    private static final MethodHandle FORK = Errno.capturing(posix_h.fork$address(), posix_h.fork$descriptor());

    private static Thread listingThread;
    private static boolean child;
    private static boolean linked;

    private ForkSafety() {}

    /** The launcher names the one thread allowed to fork: the thread that runs the listing. */
    public static void setListingThread(Thread t) {
        listingThread = t;
    }

    /** True on the thread that runs the listing (or before the launcher named one). */
    static boolean onListingThread() {
        return listingThread == null || Thread.currentThread() == listingThread;
    }

    /** True in a process created by {@link Unistd#fork} (and its descendants). */
    public static boolean inChild() {
        return child;
    }

    static int fork() {
        String profile = System.getProperty("syskit.profile");
        if (!"fork".equals(profile)) {
            throw new Refused("fork() refused: this listing runs in the JVM's '" + profile
                    + "' profile, where a JIT compiler thread may hold a lock at the moment of the fork and hang the child."
                    + " Mark it 'fork' in src/main/resources/syskit/listings.tsv (third column) to run it in the fork-safe profile.");
        }
        if (listingThread != null && Thread.currentThread() != listingThread) {
            throw new Refused("fork() may only be called from the listing's own thread: "
                    + "in the child, every other thread would be gone");
        }
        System.out.flush();
        System.err.flush();
        HeapRoom.ensure(CHILD_HEAP_BUDGET);
        linkExitPath();
        int pid;
        try {
            pid = (int) FORK.invokeExact(Errno.state());
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
        if (pid == 0) child = true;
        return pid;
    }

    /**
     * The kit's write and read, which a child commonly calls first (pipe1's child writes, an echo
     * server's child reads): one call each in the parent links their call sites, which a child
     * would otherwise link again itself (about 3 ms under -Xint, make bench). On fd -1, so that
     * nothing happens but EBADF; errno is put back, C's and the kit's (fork's capture copies C's).
     */
    private static void linkReadWrite() {
        int saved = Errno.errno();
        MemoryCheck.count("write", -1, MemorySegment.NULL, 0, MemoryCheck.Copy.OUT_OF);
        Syscall.write(-1, MemorySegment.NULL, 0);
        Syscall.read(-1, MemorySegment.NULL, 0);
        posix_h.__errno_location().reinterpret(Integer.BYTES).set(ValueLayout.JAVA_INT, 0, saved);
        Errno.fail(saved);
    }

    /**
     * Creates the _exit handle and calls, once in the parent, a downcall of _exit's shape
     * ({@code void(int)}) that changes nothing: getpid(), whose result a void call drops and
     * which ignores the argument (the x86-64 C convention makes that call safe). The child's
     * first (and last) downcall then reuses code the parent already linked, and no state a
     * listing can see (rand's seed, errno) is touched.
     */
    private static void linkExitPath() {
        if (linked) return;
        posix_h._exit$handle();
        try {
            MethodHandle sameShape = java.lang.foreign.Linker.nativeLinker()
                    .downcallHandle(posix_h.getpid$address(), posix_h._exit$descriptor());
            sameShape.invokeExact(0);
        } catch (Throwable t) {
            throw Errno.unreachable(t);
        }
        linkReadWrite();
        linked = true;
    }
}
