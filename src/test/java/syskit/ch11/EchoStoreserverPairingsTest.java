package syskit.ch11;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syskit.harness.Pairing;

/**
 * ch10/echo_mpclient against echo_storeserver in all four pairings, Java or C++ client against
 * Java or C++ server (chapters/ch10/cpp/echo_mpclient.cpp, chapters/ch11/cpp/echo_storeserver.cpp):
 * the same bytes come back and the server prints the same lines.
 */
class EchoStoreserverPairingsTest {
    static final String INPUT = "hello\n" + "a line longer than the thirty bytes of BUF_SIZE\n" + "last\n" + "Q\n";
    static final String ECHOED = "hello\n" + "a line longer than the thirty bytes of BUF_SIZE\n" + "last\n";
    static final String PREFIX = "Message from server: ";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} client, {1} server")
    @CsvSource({"Java, Java", "Java, C++", "C++, Java", "C++, C++"})
    void theClientGetsBackEveryByteAndTheServerReapsItsChild(String client, String server) {
        Pairing.Outcome o = Pairing.run("ch11/echo_storeserver", server.equals("C++"),
                "ch10/echo_mpclient", client.equals("C++"), INPUT, dir);
        assertThat(o.client().exitStatus()).as(o.client().toString()).isZero();
        assertThat(o.client().stdout().replace(PREFIX, "")).isEqualTo(ECHOED);
        assertThat(o.client().stderr()).isEmpty();
        assertThat(o.server()).isEqualTo("new client connected...\nclient disconnected...\nRemoved proc id : <pid>\n");
    }
}
