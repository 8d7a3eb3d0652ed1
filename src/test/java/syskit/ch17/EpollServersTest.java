package syskit.ch17;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.ManyClients;
import syskit.harness.Proc;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.harness.Tcp;

/**
 * The three epoll echo servers of chapter 17 and their C references, each started once for the
 * class: the same session gives the same output (descriptor numbers aside); level-triggered with
 * a 4-byte buffer wakes once per 4 bytes, edge-triggered once per arrival; and each carries 50
 * concurrent clients x 200 lines.
 */
class EpollServersTest {
    static final String[] IDS = {"ch17/echo_epollserv", "ch17/echo_EPLTserv", "ch17/echo_EPETserv"};
    static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    /** "java:ch17/echo_EPLTserv" and "c:ch17/echo_EPLTserv" -> the running server and its port. */
    static final Map<String, Server> servers = new LinkedHashMap<>();

    record Server(Run.Started run, int port) {}

    @BeforeAll
    static void startAll() {
        for (String id : IDS) {
            int jp = Tcp.freePort();
            servers.put("java:" + id, new Server(Run.listing(id, Integer.toString(jp)).dir(dir).timeout(Duration.ofSeconds(300)).start(), jp));
            int cp = Tcp.freePort();
            servers.put("c:" + id, new Server(Lang.C.run(id, Integer.toString(cp)).dir(dir).timeout(Duration.ofSeconds(300)).start(), cp));
        }
        servers.forEach((name, s) -> Tcp.awaitListening(s.run(), s.port()));
    }

    @AfterAll
    static void stopAll() {
        servers.values().forEach(s -> s.run().close());
    }

    /** One client: connects, sends each message in one write and reads its echo, then closes. Returns the server's new output. */
    static String session(String name, String... messages) {
        Server s = servers.get(name);
        int before = s.run().stdout().length();
        int closedBefore = count(s.run().stdout(), "closed client");
        try (Socket c = Tcp.connect(s.port())) {
            for (String m : messages) {
                assertThat(Tcp.echo(c, m)).as(name + " echo").isEqualTo(m);
                // The server wrote the whole echo; once it waits in epoll_wait again, the next
                // arrival is a wake-up of its own (else an edge-triggered read loop might find it
                // before EAGAIN, and the count would depend on timing).
                Tcp.await(name + " back in epoll_wait", SHORT, () -> inEpollWait(s.run().pid()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // The whole line: the port prints "closed client : ", the number and " \n" in separate writes.
        Tcp.await(name + " to see the client close", SHORT,
                () -> count(s.run().stdout(), "closed client") > closedBefore && s.run().stdout().endsWith("\n"));
        return s.run().stdout().substring(before);
    }

    /** True when a thread of the process sleeps in epoll_wait (x86-64: 232, or epoll_pwait 281, epoll_pwait2 441). */
    static boolean inEpollWait(int pid) {
        return Proc.syscalls(pid).stream().anyMatch(c -> c.state() == 'S' && (c.nr() == 232 || c.nr() == 281 || c.nr() == 441));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    static String normalizeFds(String out) {
        return out.replaceAll("client : \\d+ ", "client : N ");
    }

    @Test
    void eachPortPrintsWhatItsCReferencePrintsForTheSameSession() {
        for (String id : IDS) {
            String java = session("java:" + id, "hello\n", "a longer line of thirty bytes\n");
            String c = session("c:" + id, "hello\n", "a longer line of thirty bytes\n");
            assertThat(normalizeFds(java)).as(id + ": the port's output against the C reference's").isEqualTo(normalizeFds(c));
            assertThat(java).startsWith(id.endsWith("epollserv") ? "connected client : " : "return epoll_wait\nconnected client : ")
                    .contains("closed client : ");
        }
    }

    @Test
    void levelTriggeredWakesOncePerFourBytesEdgeTriggeredOncePerArrival() {
        // The same input for both: three messages, each in one write of 20 bytes, echo awaited in between.
        String[] input = {"0123456789abcdefghi\n", "twenty bytes here..\n", "and a third message\n"};
        for (String lang : List.of("java:", "c:")) {
            String lt = session(lang + "ch17/echo_EPLTserv", input);
            String et = session(lang + "ch17/echo_EPETserv", input);
            // accept: 1 wake-up; each 20-byte message: 5 reads of 4 bytes, each after a wake-up (LT),
            // or 1 wake-up and reads until EAGAIN (ET); the close: 1.
            assertThat(count(lt, "return epoll_wait")).as(lang + " level-triggered:\n" + lt).isEqualTo(1 + 3 * 5 + 1);
            assertThat(count(et, "return epoll_wait")).as(lang + " edge-triggered:\n" + et).isEqualTo(1 + 3 + 1);
        }
    }

    @Test
    void eachServerCarriesFiftyClientsTimesTwoHundredLines() {
        List<String> figures = new ArrayList<>();
        servers.forEach((name, s) -> {
            ManyClients.Report r = ManyClients.echo(s.port(), 50, 200);
            assertThat(r.problems()).as(name).isEmpty();
            figures.add(name + ": " + r.figures());
            assertThat(count(s.run().stdout(), "connected client")).isGreaterThanOrEqualTo(50);
        });
        System.out.println(String.join("\n", figures));   // the chapter guide quotes a quiet run
    }

    @Test
    void noPortIsTheUsageLineAndABusyPortIsABindError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String busy = Integer.toString(taken.getLocalPort());
            List<Run.Started> runs = new ArrayList<>();
            for (String id : IDS) {
                runs.add(Run.listing(id).start());
                runs.add(Run.listing(id, busy).start());
                runs.add(Run.listing(id, "http").start());
            }
            for (int i = 0; i < runs.size(); i += 3) {
                String id = IDS[i / 3];
                Result usage = runs.get(i).await(), inUse = runs.get(i + 1).await(), bad = runs.get(i + 2).await();
                assertThat(usage.exitStatus()).as(usage.toString()).isEqualTo(1);
                assertThat(usage.stdout()).isEqualTo("Usage : " + id + " <port>\n");
                assertThat(inUse.exitStatus()).as(inUse.toString()).isEqualTo(1);
                assertThat(inUse.stderr()).isEqualTo("bind() error: Address already in use\n");
                assertThat(bad.exitStatus()).as(bad.toString()).isEqualTo(1);
                assertThat(bad.stderr()).isEqualTo("bad port 'http': give a number from 1 to 65535\n");
                runs.subList(i, i + 3).forEach(Run.Started::close);
            }
        }
    }
}
