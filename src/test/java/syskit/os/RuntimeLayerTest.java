package syskit.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;

import org.junit.jupiter.api.Test;

/** The hand-written layer's pure parts, in-process: errno capture, wait macros, C strings. */
class RuntimeLayerTest {

    @Test
    void errnoIsCapturedFromTheFailingCallAndNamedLikeStrerror() {
        assertThat(Unistd.close(-1)).isEqualTo(-1);
        assertThat(Errno.errno()).isEqualTo(syskit.posix.posix_h.EBADF());
        assertThat(Errno.strerror(Errno.errno())).isEqualTo("Bad file descriptor");
    }

    @Test
    void getIntTakesDigitsInRangeOnly() {
        assertThat(GetNum.getInt("9190", 1, 65535)).isEqualTo(9190);
        assertThat(GetNum.getInt("0", 0, 10)).isZero();
        for (String bad : new String[] {"", "abc", "-1", "+5", "70000", "12a", " 80", "99999999999"}) {
            assertThat(GetNum.getInt(bad, 1, 65535)).as("'%s'", bad).isEqualTo(-1);
        }
        assertThat(GetNum.getInt("0", 1, 65535)).isEqualTo(-1);
        assertThat(GetNum.getInt("65535", 1, 65535)).isEqualTo(65535);
    }

    @Test
    void waitMacrosDecodeStatusesAsGlibcDoes() {
        int exited7 = 7 << 8, killed9 = 9, stopped = 0x137f;
        assertThat(Wait.WIFEXITED(exited7)).isTrue();
        assertThat(Wait.WEXITSTATUS(exited7)).isEqualTo(7);
        assertThat(Wait.WIFSIGNALED(exited7)).isFalse();
        assertThat(Wait.WIFSIGNALED(killed9)).isTrue();
        assertThat(Wait.WTERMSIG(killed9)).isEqualTo(9);
        assertThat(Wait.WIFEXITED(killed9)).isFalse();
        assertThat(Wait.WIFSIGNALED(stopped)).isFalse();
        assertThat(Wait.WIFEXITED(stopped)).isFalse();
    }

    @Test
    void aCStringArrayCountsItsNulAsSizeofDoes() {
        try (Arena arena = Arena.ofConfined()) {
            var str = arena.allocateFrom("Who are you?");
            assertThat(CString.sizeof(str)).isEqualTo(13);
            assertThat(CString.strlen(str)).isEqualTo(12);
            assertThat(CString.str(str)).isEqualTo("Who are you?");
        }
    }

    @Test
    void atoiReadsLikeC() {
        assertThat(Stdlib.atoi(" 9190")).isEqualTo(9190);
        assertThat(Stdlib.atoi("-12abc")).isEqualTo(-12);
        assertThat(Stdlib.atoi("abc")).isZero();
    }
}
