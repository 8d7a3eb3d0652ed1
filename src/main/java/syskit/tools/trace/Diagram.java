package syskit.tools.trace;

import java.util.ArrayList;
import java.util.List;


/**
 * A run as a sequence diagram: one column per process and per thread the listing started (and
 * one per peer outside the trace that a socket talked to), one row per call the listing made, in
 * the order they finished, and the bytes that crossed a pipe or socket drawn from the write to
 * the read that got them. {@link DiagramBuilder#of} builds it.
 *
 * <p>Only the listing's own calls stay, found from what the kit knows rather than from a list
 * of file names. In a Java run: the calls start at the execve of java (bin/syskit's shell comes
 * before); the listing's thread is the one on which the launcher restores SIGPIPE to its C
 * default just before it calls the listing's main (syskit.launch.Launcher); the JVM's other
 * threads are dropped, and so are the files that thread opens under the JDK's home or the
 * class path (class loading). A descriptor counts only if the listing created it (pipe, socket,
 * accept, open, dup) or inherited it (0, 1, 2); a call on any other descriptor is the JVM's. A
 * forked child is the listing's alone (fork copies only the calling thread), and so is a thread
 * a listing thread started (the JVM starts its own from its own threads). In a C run the
 * calls start once the dynamic loader is done: at the C library's first set_robust_list.
 */
public final class Diagram {

    /** A process (pid &gt; 0) or a peer outside the trace (pid 0), drawn as a column from row {@code firstRow} on. */
    public static final class Column {
        public final int index, pid, parent;
        public int firstRow;
        public String label;
        public String end;          // "exit 0", "killed by SIGINT", or null: alive when the trace ended
        public int lastRow;
        public boolean thread;      // a thread the listing started (pthread_create), drawn from its creator's row

        Column(int index, int pid, int parent, int firstRow, String label) {
            this.index = index;
            this.pid = pid;
            this.parent = parent;
            this.firstRow = firstRow;
            this.label = label;
            this.lastRow = firstRow;
        }

        public boolean peer() {
            return pid == 0;
        }
    }

    /** One call, signal or exit. blocked: a call that had not returned when the run ended; raw: the strace line (strings decoded). */
    public record Row(int index, int column, String time, String text, boolean blocked, String kind, String raw) {}

    /** bytes written at fromRow by one column and read at toRow by another (or the same one). */
    public record Transfer(int fromRow, int fromColumn, int toRow, int toColumn, int bytes, String preview) {
        public String label() {
            return bytes + " B \"" + preview + "\"";
        }
    }

    /** The thread column whose end the pthread_join at row (in column) waited for. */
    public record Join(int thread, int row, int column) {}

    public final String title;
    public final List<Column> columns = new ArrayList<>();
    public final List<Row> rows = new ArrayList<>();
    public final List<Transfer> transfers = new ArrayList<>();
    public final List<Join> joins = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    Diagram(String title) {
        this.title = title;
    }

    public Column column(int index) {
        return columns.get(index);
    }







    /** How many columns are processes (not peers, not threads). */
    public long processCount() {
        return columns.stream().filter(c -> !c.peer() && !c.thread).count();
    }

    /** How many columns are threads the listing started. */
    public long threadCount() {
        return columns.stream().filter(c -> c.thread).count();
    }

}
