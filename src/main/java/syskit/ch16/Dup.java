package syskit.ch16;

import static syskit.os.CString.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.os.Fcntl;

/**
 * ch16/dup: dup(1) and dup2(cfd1, 7) make two more names for standard output; a write through
 * each lands there. Closing the copies leaves fd 1 working; after close(1) the last write fails
 * (-1, EBADF) and its text never shows.
 *
 * Inside a JVM fd 1 is also System.out, the kit's own output (and the launcher's, for an error
 * after the listing). So around the listing's close(1), and only there, the port keeps a copy of
 * fd 1 on a high number of its own (fcntl F_DUPFD, 100 or above, so the listing's dup still gets
 * the lowest free number and dup2 still 7), and after the failed write puts it back on fd 1 with
 * dup2. Everything the listing does, and what it prints, is as in C. Give {@code --keep-closed}
 * to leave fd 1 closed, as C does, to the end.
 */
public final class Dup {
    /** fcntl's F_DUPFD: not among the bound constants; 0 on Linux, as in fcntl.h. */
    private static final int F_DUPFD = 0;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int cfd1, cfd2;
            MemorySegment str1 = arena.allocateFrom("Hi~ \n");
            MemorySegment str2 = arena.allocateFrom("It's nice day~ \n");
            boolean keepClosed = argv.length > 1 && argv[1].equals("--keep-closed");

            cfd1 = dup(1);
            cfd2 = dup2(cfd1, 7);

            System.out.printf("fd1=%d , fd2=%d \n", cfd1, cfd2);
            System.out.flush();   // a terminal's line buffering; see the chapter guide for a pipe
            write(cfd1, str1, sizeof(str1));
            write(cfd2, str2, sizeof(str2));

            close(cfd1);
            close(cfd2);
            write(1, str1, sizeof(str1));
            int kit_stdout = Fcntl.fcntl(1, F_DUPFD, 100);   // the kit's copy of System.out's descriptor
            close(1);
            write(1, str2, sizeof(str2));                     // -1, EBADF: nothing is printed
            if (!keepClosed) {
                dup2(kit_stdout, 1);                          // System.out works again
                close(kit_stdout);
            }
            return 0;
        }
    }
}
