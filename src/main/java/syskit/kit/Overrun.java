package syskit.kit;

import static syskit.os.Unistd.read;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * kit/overrun read|index: the two buffer overruns C lets through silently. 'read' asks read()
 * for 100 bytes into a 30-byte buffer; 'index' stores one byte past its end. The kit stops the
 * listing at once with one line naming the call (or the line) and the sizes, exit status 1.
 */
public final class Overrun {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUF_SIZE);
            if (argv.length > 1 && argv[1].equals("index")) {
                for (int i = 0; i <= BUF_SIZE; i++) buf.set(ValueLayout.JAVA_BYTE, i, (byte) 'x'); // i == BUF_SIZE is one too far
            } else {
                read(0, buf, 100);
            }
        }
        return 0;
    }
}
