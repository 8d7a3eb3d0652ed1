package syskit.tools.trace;

/** A row before the final order is known: a read is moved below the write whose bytes it got. */
final class Draft {
    final int column;
    final String time, kind;
    String text, raw;
    boolean blocked;

    Draft(int column, String time, String text, boolean blocked, String kind) {
        this.column = column;
        this.time = time;
        this.text = text;
        this.blocked = blocked;
        this.kind = kind;
    }

    /** Bytes written at one draft and read at another (the same one for a peer outside the trace). */
    record Move(Draft from, int fromColumn, Draft to, int toColumn, int bytes, String preview) {}
}
