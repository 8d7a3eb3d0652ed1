package syskit.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.CReference;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Signal;
import syskit.harness.Udp;

/** ch06/bound_host1 and bound_host2: three sendto, three recvfrom, the boundaries kept. */
class BoundHostTest {
    static final String EXPECTED = "Message 1: Hi! \nMessage 2: I'm another UDP host! \nMessage 3: Nice to meet you \n";

    static Run host1(boolean c, int port) {
        return Lang.of(!c).run("ch06/bound_host1", Integer.toString(port), "0");
    }

    static Run host2(boolean c, int port) {
        return Lang.of(!c).run("ch06/bound_host2", "127.0.0.1", Integer.toString(port));
    }

    /**
     * bound_host1 is stopped (SIGSTOP) as soon as its port is bound, so all three datagrams are
     * queued in its socket before its first recvfrom returns; continued, it still reads them one
     * by one, as three messages. All four pairings of Java and C.
     */
    @Test
    void threeDatagramsWaitingInTheSocketAreStillReadAsThree() {
        for (boolean c1 : new boolean[] {false, true}) {
            for (boolean c2 : new boolean[] {false, true}) {
                String pairing = (c1 ? "C" : "Java") + " bound_host1, " + (c2 ? "C" : "Java") + " bound_host2";
                int port = Udp.freePort();
                try (Run.Started one = Udp.serve(host1(c1, port), port)) {
                    one.signal(Signal.SIGSTOP);
                    Result two = host2(c2, port).run();
                    assertThat(two.exitStatus()).as(pairing + "\n" + two).isZero();
                    assertThat(two.stdout() + two.stderr()).isEmpty();
                    assertThat(Udp.queued(port)).as(pairing + ": bytes queued while bound_host1 is stopped").isPositive();
                    assertThat(one.stdout()).as(pairing + ": printed while stopped").isEmpty();
                    one.signal(Signal.SIGCONT);
                    Result r = one.await();
                    assertThat(r.exitStatus()).as(pairing + "\n" + r).isZero();
                    assertThat(r.stdout()).as(pairing).isEqualTo(EXPECTED);
                }
            }
        }
    }

    /** With no one listening, a UDP sendto still succeeds: there is no connection to refuse. */
    @Test
    void bound_host2WithNobodyListeningSendsAndExits0LikeC() {
        int nobody = Udp.freePort();
        for (Result r : Run.all(List.of(host2(false, nobody), host2(true, nobody)))) {
            assertThat(r.exitStatus()).as(r.toString()).isZero();
            assertThat(r.stdout() + r.stderr()).isEmpty();
        }
    }

    @Test
    void badArgumentsExit1WithAClearMessage() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("0.0.0.0"))) {
            String busy = Integer.toString(taken.getLocalPort());
            List<Run> runs = new ArrayList<>();
            List<String[]> expected = new ArrayList<>();
            for (boolean c : new boolean[] {false, true}) {
                String one = c ? CReference.build("ch06/bound_host1") : "ch06/bound_host1";
                String two = c ? CReference.build("ch06/bound_host2") : "ch06/bound_host2";
                runs.add(UdpEchoTest.program(c, one));
                expected.add(new String[] {"Usage : " + one + " <port> [seconds]\n", ""});
                runs.add(UdpEchoTest.program(c, one, "0"));
                expected.add(new String[] {"", "bad port '0': give a number from 1 to 65535\n"});
                runs.add(UdpEchoTest.program(c, one, "9190", "soon"));
                expected.add(new String[] {"", "bad seconds 'soon': give a number of seconds (the book's is 5)\n"});
                runs.add(UdpEchoTest.program(c, one, busy, "0"));
                expected.add(new String[] {"", "bind() error: Address already in use\n"});
                runs.add(UdpEchoTest.program(c, two, "127.0.0.1"));
                expected.add(new String[] {"Usage : " + two + " <IP> <port>\n", ""});
                runs.add(UdpEchoTest.program(c, two, "127.0.0.256", "9190"));
                expected.add(new String[] {"", "bad address '127.0.0.256': give an IPv4 address such as 127.0.0.1\n"});
                runs.add(UdpEchoTest.program(c, two, "127.0.0.1", "-1"));
                expected.add(new String[] {"", "bad port '-1': give a number from 1 to 65535\n"});
            }
            List<Result> results = Run.all(runs);
            for (int i = 0; i < runs.size(); i++) UdpEchoTest.expect(results.get(i), 1, expected.get(i)[0], expected.get(i)[1]);
        }
    }
}
