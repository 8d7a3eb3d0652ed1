package syskit.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The kit's own one-line messages follow the learner's LANG (or LC_ALL): Korean under
 * ko_KR.UTF-8, English under C and for any language without a bundle. Each run is a real
 * process (the launcher, bin/find-jdk) with the locale variables set as a shell would set them.
 */
class MessagesTest {

    /** The launcher's unknown-id line, English and Korean, from two processes run at once. */
    @Test
    void anUnknownListingIsRefusedInTheLearnersLanguage() {
        List<Result> r = Run.all(inLocale(Run.listing("ch99/nothing"), "C"), inLocale(Run.listing("ch99/nothing"), "ko_KR.UTF-8"));
        assertThat(r.get(0).exitStatus()).as(r.get(0).toString()).isEqualTo(2);
        assertThat(r.get(0).stderr()).isEqualTo("syskit: no listing 'ch99/nothing' ('make list' shows them all)\n");
        assertThat(r.get(1).exitStatus()).as(r.get(1).toString()).isEqualTo(2);
        assertThat(r.get(1).stderr()).isEqualTo("syskit: 없는 리스트 'ch99/nothing' ('make list'가 전부 보여 줍니다)\n");
        assertThat(r.get(1).stdout()).isEmpty();
    }

    /** GetNum's bad-port line, the one every port shares: one line on stderr, status 1, in either language. */
    @Test
    void aBadPortIsRefusedInTheLearnersLanguage() {
        List<Result> r = Run.all(inLocale(Run.listing("ch04/echo_client", "127.0.0.1", "70000"), "C"),
                inLocale(Run.listing("ch04/echo_client", "127.0.0.1", "70000"), "ko_KR.UTF-8"));
        assertThat(r.get(0).exitStatus()).as(r.get(0).toString()).isEqualTo(1);
        assertThat(r.get(0).stderr()).isEqualTo("bad port '70000': give a number from 1 to 65535\n");
        assertThat(r.get(1).exitStatus()).as(r.get(1).toString()).isEqualTo(1);
        assertThat(r.get(1).stderr()).isEqualTo("잘못된 포트 '70000': 1부터 65535까지의 수를 주세요\n");
        assertThat(r.get(1).stdout()).isEmpty();
    }

    /** The overrun line too: the kit's words in Korean, the call and the listing's line as they are. */
    @Test
    void anOverrunIsReportedInTheLearnersLanguage() {
        String full = "123456789012345678901234567890";   // fills ch12/select's buf: its NUL goes one past the end
        List<Result> r = Run.all(inLocale(Run.listing("ch12/select", "1").stdin(full), "C"),
                inLocale(Run.listing("ch12/select", "1").stdin(full), "ko_KR.UTF-8"));
        assertThat(r.get(0).exitStatus()).as(r.get(0).toString()).isEqualTo(1);
        assertThat(r.get(0).stderr()).startsWith("syskit: ch12/select: an index past the end of a buffer (SelectDemo.java:");
        assertThat(r.get(1).exitStatus()).as(r.get(1).toString()).isEqualTo(1);
        assertThat(r.get(1).stderr()).startsWith("syskit: ch12/select: 버퍼의 끝을 넘는 인덱스 (SelectDemo.java:")
                .contains("C라면 버퍼의 것이 아닌 메모리를 읽거나 썼을 것이다");
    }

    @Test
    void findJdkSaysWhatToInstallInTheLearnersLanguage(@TempDir Path emptyJvmDir) {
        String findJdk = Run.ROOT.resolve("bin/find-jdk").toString();
        List<Result> r = Run.all(
                inLocale(Run.command("env", "JAVA_HOME=/nonexistent", "SYSKIT_JVM_DIR=" + emptyJvmDir, findJdk), "C"),
                inLocale(Run.command("env", "JAVA_HOME=/nonexistent", "SYSKIT_JVM_DIR=" + emptyJvmDir, findJdk), "ko_KR.UTF-8"));
        assertThat(r.get(0).exitStatus()).isEqualTo(2);
        assertThat(r.get(0).stderr()).startsWith("syskit needs a JDK 25 or newer, and found none");
        assertThat(r.get(1).exitStatus()).isEqualTo(2);
        assertThat(r.get(1).stderr()).startsWith("syskit에는 JDK 25 이상이 필요한데 찾지 못했습니다").contains("JAVA_HOME");
    }

    /** LC_ALL wins over LC_MESSAGES over LANG, as in C; C, POSIX and unset mean English. */
    @Test
    void theLanguageIsCsChoice() {
        assertThat(Messages.locale(Map.of("LANG", "ko_KR.UTF-8"))).isEqualTo(Locale.of("ko", "KR"));
        assertThat(Messages.locale(Map.of("LC_ALL", "C", "LANG", "ko_KR.UTF-8"))).isEqualTo(Locale.ROOT);
        assertThat(Messages.locale(Map.of("LC_ALL", "", "LC_MESSAGES", "ko_KR", "LANG", "C.UTF-8"))).isEqualTo(Locale.of("ko", "KR"));
        assertThat(Messages.locale(Map.of("LANG", "POSIX"))).isEqualTo(Locale.ROOT);
        assertThat(Messages.locale(Map.of())).isEqualTo(Locale.ROOT);
    }

    /**
     * GetNum's lines: the English ones are the texts every bad-input test pins, and the Korean
     * bundle has the same keys with the same placeholders, so no argument is dropped in Korean.
     */
    @Test
    void theKoreanBundleHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties"), ko = load("messages_ko.properties");
        assertThat(String.format(Locale.ROOT, en.getProperty("bad.port"), "70000"))
                .isEqualTo("bad port '70000': give a number from 1 to 65535");
        assertThat(String.format(Locale.ROOT, en.getProperty("bad.address"), "localhost:80"))
                .isEqualTo("bad address 'localhost:80': give an IPv4 address such as 127.0.0.1");
        assertThat(String.format(Locale.ROOT, en.getProperty("bad.count"), "count", "x", 1, 9))
                .isEqualTo("bad count 'x': give a number from 1 to 9");
        assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames())
            assertThat(placeholders(ko.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        assertThat(String.format(Locale.ROOT, ko.getProperty("bad.port"), "70000"))
                .isEqualTo("잘못된 포트 '70000': 1부터 65535까지의 수를 주세요");
    }

    private static Run inLocale(Run run, String lang) {
        return run.env("LANG", lang).env("LC_ALL", "").env("LC_MESSAGES", "");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/syskit/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static long placeholders(String text) {
        Matcher m = Pattern.compile("%(\\d+\\$)?s").matcher(text);   // %s, or %2$s where Korean word order needs it
        return m.results().count();
    }
}
