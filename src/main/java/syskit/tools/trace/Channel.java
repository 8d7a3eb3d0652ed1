package syskit.tools.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A pipe, socket or file the listing holds, shared by every descriptor (and thread) that refers to it. */
final class Channel {
    final String name;
    final List<Draft> rows = new ArrayList<>();   // the calls on it, to drop a probe
    boolean used;                                  // more than socket/setsockopt/close
    String peer;                                   // a socket's address at the other end
    final Deque<Pending> writes = new ArrayDeque<>(), reads = new ArrayDeque<>(); // bytes not matched yet

    Channel(String name) {
        this.name = name;
    }

    /** A write whose bytes were not all read yet, or a read whose bytes were not all found yet. */
    static final class Pending {
        final Draft row;
        final int column;
        final byte[] data;
        int left, offset;

        Pending(Draft row, int column, int left, byte[] data) {
            this.row = row;
            this.column = column;
            this.left = left;
            this.data = data;
        }
    }
}
