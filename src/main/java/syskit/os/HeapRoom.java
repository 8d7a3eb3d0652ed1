package syskit.os;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Room in the young generation for a child to allocate in. A forked child never collects
 * garbage (the VM thread that would run the GC is not in it), so the parent collects first when
 * eden has less than the child's budget left.
 */
final class HeapRoom {
    private static MemoryPoolMXBean eden;

    private HeapRoom() {}

    static void ensure(long budget) {
        MemoryPoolMXBean pool = eden();
        if (pool == null) return;
        var usage = pool.getUsage();
        long max = usage.getMax() > 0 ? usage.getMax() : usage.getCommitted();
        if (max - usage.getUsed() < budget) System.gc();
    }

    private static MemoryPoolMXBean eden() {
        if (eden == null) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getName().contains("Eden")) eden = p;
            }
        }
        return eden;
    }
}
