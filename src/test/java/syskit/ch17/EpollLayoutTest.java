package syskit.ch17;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

import syskit.harness.Peers.Lang;
import syskit.harness.Result;
import syskit.harness.Run;
import syskit.os.Epoll;
import syskit.os.MemoryCheck;
import syskit.posix.epoll_data;
import syskit.posix.epoll_event;

/**
 * struct epoll_event is packed on x86-64 (12 bytes, data at offset 4). A binding that padded it
 * to 16 bytes would read every event after the first at the wrong place. The generated layout
 * must be C's: chapters/ch17/c/epoll_layout.c prints what gcc makes of the struct.
 */
class EpollLayoutTest {
    @Test
    void theBindingsEpollEventHasCsSizeAndOffsets() {
        Result c = Lang.C.run("ch17/epoll_layout").run();
        assertThat(c.exitStatus()).as(c.toString()).isZero();
        String java = "sizeof " + epoll_event.sizeof() + "\n"
                + "events " + epoll_event.events$offset() + "\n"
                + "data " + epoll_event.data$offset() + "\n"
                + "data.fd " + (epoll_event.data$offset() + epoll_data.fd$offset()) + "\n"
                + "sizeof data " + epoll_data.sizeof() + "\n"
                + "array[2] " + epoll_event.layout().byteSize() * 2 + "\n";
        assertThat(java).isEqualTo(c.stdout()).startsWith("sizeof 12\nevents 0\ndata 4\n");
    }

    @Test
    void theSecondEntryOfAnArrayIsReadWhereCPutsIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ep_events = epoll_event.allocateArray(2, arena);
            // As the kernel writes them: {events, data} packed, 12 bytes apart.
            ep_events.set(ValueLayout.JAVA_INT_UNALIGNED, 12, Epoll.EPOLLIN);
            ep_events.set(ValueLayout.JAVA_INT_UNALIGNED, 16, 42);
            assertThat(Epoll.events(Epoll.at(ep_events, 1))).isEqualTo(Epoll.EPOLLIN);
            assertThat(Epoll.data_fd(Epoll.at(ep_events, 1))).isEqualTo(42);
            Epoll.set(Epoll.at(ep_events, 0), Epoll.EPOLLIN | Epoll.EPOLLET, 7);
            assertThat(ep_events.get(ValueLayout.JAVA_INT_UNALIGNED, 4)).isEqualTo(7);
        }
    }

    @Test
    void epollWaitRefusesMoreEventsThanTheArrayHolds() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment two = epoll_event.allocateArray(2, arena);
            assertThatThrownBy(() -> Epoll.epoll_wait(-1, two, 3, 0)).isInstanceOf(MemoryCheck.Overrun.class)
                    .hasMessageContaining("maxevents 3 is larger than the array (2 events)");
            assertThat(Epoll.epoll_wait(-1, two, 2, 0)).as("a bad epfd, checked by the kernel").isEqualTo(-1);
        }
    }
}
