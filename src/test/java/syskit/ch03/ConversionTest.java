package syskit.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers;
import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;

/** The four address-conversion listings of chapter 3, Java against C, all run at once. */
class ConversionTest {
    static final List<String> IDS = List.of("ch03/endian_conv", "ch03/inet_addr", "ch03/inet_aton", "ch03/inet_ntoa");
    static final List<String> EXPECTED = List.of(
            "Host ordered port: 0x1234 \nNetwork ordered port: 0x3412 \n"
                    + "Host ordered address: 0x12345678 \nNetwork ordered address: 0x78563412 \n",
            "Network ordered integer addr: 0x4030201 \nError occured! \n",
            "Network ordered integer addr: 0x4f7ce87f \n",
            // notation2: the same pointer as notation1, after the second call overwrote the buffer
            "Dotted-Decimal notation1: 1.2.3.4 \nDotted-Decimal notation2: 1.1.1.1 \nDotted-Decimal notation3: 1.2.3.4 \n");

    @Test
    void eachPrintsWhatItsCReferencePrintsOnALittleEndianMachine() {
        List<Run> runs = new ArrayList<>();
        for (String id : IDS) {
            runs.add(Lang.JAVA.run(id));
            runs.add(Lang.C.run(id));
        }
        List<Result> results = Run.all(runs.toArray(Run[]::new));
        for (int i = 0; i < IDS.size(); i++) {
            Result java = results.get(2 * i), c = results.get(2 * i + 1);
            assertThat(c.exitStatus()).as(c.toString()).isZero();
            assertThat(java.exitStatus()).as(java.toString()).isZero();
            assertThat(java.stdout()).as(IDS.get(i)).isEqualTo(c.stdout()).isEqualTo(EXPECTED.get(i));
        }
    }
}
