package syskit.ch14;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.NetNamespace;
import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The four news listings and their C references, ONLY inside a private network namespace
 * (NetNamespace): one shell run carries every pairing. Four receivers start (Java and C,
 * multicast and broadcast, each on its own port); round 1 sends news.txt from the Java senders
 * to the Java receivers and from the C senders to the C receivers, round 2 the other way round.
 */
class NewsTest {
    static final String GROUP = "224.1.1.2", BROADCAST = "127.255.255.255";
    static final int JM = 9001, CM = 9002, JB = 9003, CB = 9004;
    static String news, lastChunk;
    static Result run;
    static final Map<String, String> out = new HashMap<>();

    @BeforeAll
    static void sendEverythingInsideANamespace(@TempDir Path dir) throws IOException {
        news = Files.readString(Run.ROOT.resolve("chapters/ch14/news.txt"));
        lastChunk = news.substring(news.lastIndexOf('\n', news.length() - 2) + 1);
        Files.writeString(dir.resolve("news.txt"), news);
        String j = Run.ROOT.resolve("bin/syskit").toString();
        String cr = CReference.build("ch14/news_receiver"), cs = CReference.build("ch14/news_sender");
        String crb = CReference.build("ch14/news_receiver_brd"), csb = CReference.build("ch14/news_sender_brd");
        int round = news.length() + lastChunk.length();
        String script = String.join("\n",
                "cd \"$1\"; J=\"$2\"",
                "$J ch14/news_receiver " + GROUP + " " + JM + " > jm.out 2>&1 & P1=$!",
                cr + " " + GROUP + " " + CM + " > cm.out 2>&1 & P2=$!",
                "$J ch14/news_receiver_brd " + JB + " > jb.out 2>&1 & P3=$!",
                crb + " " + CB + " > cb.out 2>&1 & P4=$!",
                // both multicast receivers joined (Users 2 on the group), both broadcast ones bound
                "until grep -q '" + igmpHex(GROUP) + " *2 ' /proc/net/igmp; do sleep 0.05; done",
                "until grep -q ':" + hex(JB) + " ' /proc/net/udp && grep -q ':" + hex(CB) + " ' /proc/net/udp; do sleep 0.05; done",
                "got() { for f in jm cm jb cb; do [ $(wc -c < $f.out) -ge $1 ] || return 1; done; }",
                "$J ch14/news_sender " + GROUP + " " + JM + " 0 & S1=$!",
                cs + " " + GROUP + " " + CM + " 0 & S2=$!",
                "$J ch14/news_sender_brd " + BROADCAST + " " + JB + " 0 & S3=$!",
                csb + " " + BROADCAST + " " + CB + " 0 & S4=$!",
                "wait $S1 $S2 $S3 $S4; echo \"round 1 senders: $?\"",
                "until got " + round + "; do sleep 0.05; done",
                cs + " " + GROUP + " " + JM + " 0 & S1=$!",
                "$J ch14/news_sender " + GROUP + " " + CM + " 0 & S2=$!",
                csb + " " + BROADCAST + " " + JB + " 0 & S3=$!",
                "$J ch14/news_sender_brd " + BROADCAST + " " + CB + " 0 & S4=$!",
                "wait $S1 $S2 $S3 $S4; echo \"round 2 senders: $?\"",
                "until got " + 2 * round + "; do sleep 0.05; done",
                "sleep 0.3",   // a duplicate beyond the expected bytes would show here
                "kill $P1 $P2 $P3 $P4",
                "for f in jm cm jb cb; do echo \"== $f\"; cat $f.out; done");
        run = NetNamespace.shell(script, dir.toString(), j).timeout(Duration.ofSeconds(90)).run();
        String[] parts = run.stdout().split("== ");
        for (int i = 1; i < parts.length; i++) out.put(parts[i].substring(0, 2), parts[i].substring(3));
    }

    @Test
    void everyMulticastReceiverGetsNewsTxtFromEverySenderJavaOrC() {
        assertThat(run.hung()).as(run.toString()).isFalse();
        assertThat(run.stdout()).contains("round 1 senders: 0", "round 2 senders: 0");
        // jm: from the Java sender, then the C one; cm: from the C sender, then the Java one.
        assertThat(out.get("jm")).as(run.toString()).isEqualTo(twice(news + lastChunk));
        assertThat(out.get("cm")).as(run.toString()).isEqualTo(twice(news + lastChunk));
    }

    @Test
    void everyBroadcastReceiverGetsItOnTheNamespacesLoopbackBroadcastAddress() {
        assertThat(run.hung()).as(run.toString()).isFalse();
        assertThat(out.get("jb")).as(run.toString()).isEqualTo(twice(news + lastChunk));
        assertThat(out.get("cb")).as(run.toString()).isEqualTo(twice(news + lastChunk));
    }

    @Test
    void theSendersFeofLoopSendsTheLastChunkTwiceInCAsInJava() {
        assertThat(lastChunk).isEqualTo("This line comes twice.\n");
        for (String f : new String[] {"jm", "cm", "jb", "cb"}) {
            assertThat(out.get(f)).as(f).contains("Every member of the group gets each chunk.\n"
                    + "This line comes twice.\nThis line comes twice.\nsyskit news");
            assertThat(out.get(f).split("This line comes twice", -1)).as(f).hasSize(5);   // 2 per round
        }
    }

    @Test
    void badArgumentsAndANonMulticastGroupEndWithOneLine() throws IOException {
        // None of these gets as far as a socket that sends: safe outside the namespace.
        try (DatagramSocket taken = new DatagramSocket(0)) {
            List<Result> r = Run.all(Run.listing("ch14/news_sender", "127.0.0.1", "9190"),
                    Run.listing("ch14/news_receiver", "10.1.2.3", "9190"), Run.listing("ch14/news_receiver_brd"),
                    Run.listing("ch14/news_sender", GROUP), Run.listing("ch14/news_sender_brd", "255.255.255.256", "9190"),
                    Run.listing("ch14/news_sender", GROUP, "9190", "soon"),
                    Run.listing("ch14/news_receiver_brd", Integer.toString(taken.getLocalPort())));
            for (Result each : r) assertThat(each.exitStatus()).as(each.toString()).isEqualTo(1);
            assertThat(r.get(0).stderr()).isEqualTo("bad group '127.0.0.1': give a multicast address, 224.0.0.0 to 239.255.255.255\n");
            assertThat(r.get(1).stderr()).isEqualTo("bad group '10.1.2.3': give a multicast address, 224.0.0.0 to 239.255.255.255\n");
            assertThat(r.get(2).stdout()).isEqualTo("Usage : ch14/news_receiver_brd <PORT>\n");
            assertThat(r.get(3).stdout()).isEqualTo("Usage : ch14/news_sender <GroupIP> <PORT>\n");
            assertThat(r.get(4).stderr()).isEqualTo("bad address '255.255.255.256': give an IPv4 address such as 127.0.0.1\n");
            assertThat(r.get(5).stderr()).isEqualTo("bad pause 'soon': give a number of seconds (the book's is 2)\n");
            assertThat(r.get(6).stderr()).isEqualTo("bind() error: Address already in use\n");
        }
    }

    @Test
    void withoutNewsTxtTheSendersSayFopenErrorInsideTheNamespaceToo(@TempDir Path empty) {
        Result r = NetNamespace.shell("cd \"$1\"; \"$2\" ch14/news_sender " + GROUP + " 9190 0; echo \"exit $?\"; "
                + "\"$3\" " + BROADCAST + " 9190 0; echo \"exit $?\"", empty.toString(),
                Run.ROOT.resolve("bin/syskit").toString(), CReference.build("ch14/news_sender_brd")).run();
        assertThat(r.stdout()).isEqualTo("exit 1\nexit 1\n");
        assertThat(r.stderr()).isEqualTo("fopen() error: No such file or directory\nfopen() error: No such file or directory\n");
    }

    /** How /proc/net/igmp prints a group: the address's 4 bytes read as a little-endian int, in hex. */
    static String igmpHex(String group) {
        String[] b = group.split("\\.");
        return String.format(Locale.ROOT, "%02X%02X%02X%02X", Integer.parseInt(b[3]), Integer.parseInt(b[2]),
                Integer.parseInt(b[1]), Integer.parseInt(b[0]));
    }

    static String hex(int port) {
        return String.format(Locale.ROOT, "%04X", port);
    }

    static String twice(String s) {
        return s + s;
    }
}
