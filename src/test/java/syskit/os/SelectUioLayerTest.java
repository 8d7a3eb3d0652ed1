package syskit.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static syskit.os.Select.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.posix.fd_set;
import syskit.posix.iovec;
import syskit.posix.timeval;

/** The hand-written FD_* macros against C's own (chapters/ch12/c/fd_set_bytes.c), select and readv/writev in-process. */
class SelectUioLayerTest {
    /** Each case: FD_SET for a number, FD_CLR for -N, in order, on a zeroed set. */
    static final List<String[]> CASES = List.of(
            new String[] {},
            new String[] {"0"},
            new String[] {"0", "1", "2", "63", "64", "65", "127", "128", "500", "1023"},
            new String[] {"3", "7", "7", "-7", "1000", "-1000", "-0", "31", "32"},
            new String[] {"5", "-5", "5", "1022", "1023", "-1022"});

    @Test
    void fdMacrosSetTheSameBitsAsCs() {
        String c = CReference.build("ch12/fd_set_bytes");
        for (String[] ops : CASES) {
            List<String> cmd = new ArrayList<>(List.of(c));
            cmd.addAll(List.of(ops));
            Result r = Run.command(cmd.toArray(String[]::new)).run();
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(javaBytes(ops)).as("fd_set after %s", String.join(" ", ops)).isEqualTo(r.stdout());
        }
    }

    /** The same output as fd_set_bytes.c, made with syskit.os.Select. */
    static String javaBytes(String[] ops) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = fd_set.allocate(arena);
            set.fill((byte) 0x5a);   // garbage, as C's uninitialised set: FD_ZERO must clear it all
            FD_ZERO(set);
            for (String op : ops) {
                int fd = Integer.parseInt(op);
                if (op.startsWith("-")) FD_CLR(-fd, set); else FD_SET(fd, set);
            }
            StringBuilder out = new StringBuilder("sizeof " + fd_set.sizeof() + "\n");
            out.append(HexFormat.of().formatHex(set.toArray(ValueLayout.JAVA_BYTE))).append("\nisset");
            for (int fd = 0; fd < FD_SETSIZE; fd++) if (FD_ISSET(fd, set) != 0) out.append(' ').append(fd);
            return out.append('\n').toString();
        }
    }

    @Test
    void aDescriptorOutsideTheSetIsRefusedInsteadOfWrittenPastIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = fd_set.allocate(arena);
            assertThat(FD_SETSIZE).isEqualTo(1024);
            assertThatThrownBy(() -> FD_SET(1024, set)).isInstanceOf(MemoryCheck.Overrun.class)
                    .hasMessage("FD_SET(1024, set): descriptor 1024 is outside an fd_set (0 to 1023); C would write past its end");
            assertThatThrownBy(() -> FD_ISSET(-1, set)).isInstanceOf(MemoryCheck.Overrun.class);
        }
    }

    @Test
    void selectSeesAPipeReadyAndWritevReadvMoveTheBytesAcrossBuffers() {
        try (Arena arena = Arena.ofConfined()) {
            int[] fds = new int[2];
            assertThat(Unistd.pipe(fds)).isZero();
            MemorySegment reads = fd_set.allocate(arena), timeout = timeval.allocate(arena);
            FD_ZERO(reads);
            FD_SET(fds[0], reads);
            timeval.tv_sec(timeout, 0);
            timeval.tv_usec(timeout, 0);
            assertThat(select(fds[0] + 1, reads, MemorySegment.NULL, MemorySegment.NULL, timeout)).isZero();

            MemorySegment vec = iovec.allocateArray(2, arena);
            iovec.iov_base(iovec.asSlice(vec, 0), arena.allocateFrom("ABCDEFG"));
            iovec.iov_len(iovec.asSlice(vec, 0), 3);
            iovec.iov_base(iovec.asSlice(vec, 1), arena.allocateFrom("1234567"));
            iovec.iov_len(iovec.asSlice(vec, 1), 4);
            assertThat(Uio.writev(fds[1], vec, 2)).isEqualTo(7);

            FD_SET(fds[0], reads);
            timeval.tv_sec(timeout, 5);
            assertThat(select(fds[0] + 1, reads, MemorySegment.NULL, MemorySegment.NULL, timeout)).isEqualTo(1);
            assertThat(FD_ISSET(fds[0], reads)).isEqualTo(1);

            MemorySegment buf1 = arena.allocate(2), buf2 = arena.allocate(10);
            iovec.iov_base(iovec.asSlice(vec, 0), buf1);
            iovec.iov_len(iovec.asSlice(vec, 0), 2);
            iovec.iov_base(iovec.asSlice(vec, 1), buf2);
            iovec.iov_len(iovec.asSlice(vec, 1), 10);
            assertThat(Uio.readv(fds[0], vec, 2)).isEqualTo(7);
            assertThat(CString.str(buf1)).isEqualTo("AB");
            assertThat(CString.str(buf2)).isEqualTo("C1234");
            assertThatThrownBy(() -> Uio.readv(fds[0], vec, 3)).isInstanceOf(MemoryCheck.Overrun.class)
                    .hasMessage("readv(" + fds[0] + ", iov, 3): iovcnt 3 is more than the 2 entries of iov; C would read past its end");
            Unistd.close(fds[0]);
            Unistd.close(fds[1]);
        }
    }
}
