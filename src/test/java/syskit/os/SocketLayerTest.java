package syskit.os;

import static org.assertj.core.api.Assertions.assertThat;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

import syskit.posix.in_addr;
import syskit.posix.posix_h;
import syskit.posix.sockaddr_in;

/** Socket and Inet in-process, over loopback: no fork and no handler, so accept is the plain call. */
class SocketLayerTest {

    @Test
    void byteOrderAndAddressesConvertAsInC() {
        short port = htons(9190);
        assertThat(Short.toUnsignedInt(port)).isEqualTo(0xE623);   // 9190 = 0x23E6, bytes swapped
        assertThat(ntohs(port)).isEqualTo(9190);
        assertThat(inet_addr("127.0.0.1")).isEqualTo(htonl(INADDR_LOOPBACK));
        assertThat(inet_addr("nope")).isEqualTo(INADDR_NONE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = in_addr.allocate(arena);
            assertThat(inet_pton(AF_INET, "10.1.2.3", in)).isEqualTo(1);
            assertThat(inet_ntoa(in)).isEqualTo("10.1.2.3");
            assertThat(inet_pton(AF_INET, "10.1.2", in)).isZero();
        }
    }

    @Test
    void aServerAndAClientMeetOverLoopbackAndErrnoNamesWhatFailed() {
        try (Arena arena = Arena.ofConfined()) {
            int serv = socket(PF_INET, SOCK_STREAM, 0);
            MemorySegment on = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
            assertThat(setsockopt(serv, SOL_SOCKET, SO_REUSEADDR, on, 4)).isZero();
            MemorySegment adr = loopback(arena, 0);
            assertThat(bind(serv, adr, (int) adr.byteSize())).isZero();
            assertThat(listen(serv, 5)).isZero();
            int[] len = {(int) adr.byteSize()};
            assertThat(getsockname(serv, adr, len)).isZero();
            int port = ntohs(sockaddr_in.sin_port(adr));
            assertThat(port).isPositive();

            int other = socket(PF_INET, SOCK_STREAM, 0);
            assertThat(bind(other, loopback(arena, port), (int) adr.byteSize())).isEqualTo(-1);
            assertThat(Errno.errno()).isEqualTo(posix_h.EADDRINUSE());
            Unistd.close(other);

            int clnt = socket(PF_INET, SOCK_STREAM, 0);
            assertThat(connect(clnt, loopback(arena, port), (int) adr.byteSize())).isZero();
            MemorySegment peer = sockaddr_in.allocate(arena);
            int[] peer_sz = {(int) peer.byteSize()};
            int conn = accept(serv, peer, peer_sz);
            assertThat(conn).isGreaterThan(2);
            assertThat(inet_ntoa(sockaddr_in.sin_addr(peer))).isEqualTo("127.0.0.1");

            MemorySegment msg = arena.allocateFrom("hi");
            assertThat(Unistd.write(clnt, msg, 2)).isEqualTo(2);
            assertThat(shutdown(clnt, SHUT_WR)).isZero();
            MemorySegment buf = arena.allocate(10);
            assertThat(Unistd.read(conn, buf, 10)).isEqualTo(2);
            assertThat(Unistd.read(conn, buf, 10)).as("end of stream after SHUT_WR").isZero();
            for (int fd : new int[] {conn, clnt, serv}) Unistd.close(fd);

            // refused: a port this test holds bound but not listening, so that no test running
            // beside it can take the port in between (the closed serv's port could be reused)
            int holder = socket(PF_INET, SOCK_STREAM, 0);
            MemorySegment held = loopback(arena, 0);
            assertThat(bind(holder, held, (int) held.byteSize())).isZero();
            int[] heldLen = {(int) held.byteSize()};
            assertThat(getsockname(holder, held, heldLen)).isZero();
            int refused = socket(PF_INET, SOCK_STREAM, 0);
            assertThat(connect(refused, held, (int) held.byteSize())).isEqualTo(-1);
            assertThat(Errno.strerror(Errno.errno())).isEqualTo("Connection refused");
            Unistd.close(refused);
            Unistd.close(holder);
        }
    }

    private static MemorySegment loopback(Arena arena, int port) {
        MemorySegment adr = sockaddr_in.allocate(arena);
        CString.memset0(adr);
        sockaddr_in.sin_family(adr, (short) AF_INET);
        in_addr.s_addr(sockaddr_in.sin_addr(adr), htonl(INADDR_LOOPBACK));
        sockaddr_in.sin_port(adr, htons(port));
        return adr;
    }
}
