package syskit.kit;

import static syskit.os.CString.strcpy;
import static syskit.os.Stdio.fdopen;
import static syskit.os.Stdio.fputs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * kit/nullptr stream|strcpy|long: what C does with a NULL, and with a string too long for its
 * buffer. 'stream' writes with fputs to the NULL that fdopen returns for a bad descriptor;
 * 'strcpy' copies from a NULL string. C dies of SIGSEGV in both; so does the listing, after one
 * line naming the call and this file's line, and no JVM crash report is written. 'long' copies a
 * 40-byte string into 30 bytes: the kit stops it with one line naming this file's line, exit 1.
 */
public final class NullPtr {
    public static int main(String[] argv) {
        String what = argv.length > 1 ? argv[1] : "stream";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(30);
            switch (what) {
                case "strcpy" -> strcpy(buf, MemorySegment.NULL);
                case "long" -> strcpy(buf, arena.allocateFrom("a file name of forty bytes, with its NUL"));
                default -> fputs("hello\n", fdopen(-1, "w"));
            }
        }
        return 0;
    }
}
