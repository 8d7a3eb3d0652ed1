package syskit.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/** ch09/sock_type, get_buf and set_buf, each against its C reference (one batch of six runs). */
class SockOptTest {
    static final Pattern SIZES = Pattern.compile("Input buffer size: (\\d+) \nOutput buffer size: (\\d+) \n");

    static final List<Result> RESULTS = Run.all(List.of(
            Run.listing("ch09/sock_type"), Lang.C.run("ch09/sock_type"),
            Run.listing("ch09/get_buf"), Lang.C.run("ch09/get_buf"),
            Run.listing("ch09/set_buf"), Lang.C.run("ch09/set_buf")));

    @Test
    void sockTypeReadsBackStreamAndDatagram() {
        for (Result r : RESULTS.subList(0, 2)) {
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout()).isEqualTo("SOCK_STREAM: 1\nSOCK_DGRAM: 2\nSocket type one: 1 \nSocket type two: 2 \n");
        }
    }

    /** The sizes are this machine's (tcp_rmem, tcp_wmem): printed, compared with C, never hard-coded. */
    @Test
    void getBufPrintsTheMachinesSizesAsCDoes() {
        Result java = RESULTS.get(2), c = RESULTS.get(3);
        assertThat(java.exitStatus()).as(java.toString()).isZero();
        Matcher m = SIZES.matcher(java.stdout());
        assertThat(m.matches()).as(java.stdout()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isPositive();
        assertThat(Integer.parseInt(m.group(2))).isPositive();
        assertThat(java.stdout()).isEqualTo(c.stdout());
    }

    /** Linux keeps twice the size asked for (socket(7), SO_RCVBUF): 3072 becomes 6144. */
    @Test
    void setBufShowsTheKernelDoublingTheRequest() {
        for (Result r : RESULTS.subList(4, 6)) {
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            Matcher m = SIZES.matcher(r.stdout());
            assertThat(m.matches()).as(r.stdout()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(2 * 3072);
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(2 * 3072);
        }
    }
}
