package syskit.tools.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import syskit.tools.trace.Diagram.Column;
import syskit.tools.trace.Diagram.Row;
import syskit.tools.trace.Diagram.Transfer;

/**
 * The diagram as plain text, at most {@link #WIDTH} columns wide: a legend naming each column,
 * then one line per call with every live process's lifeline (│) and the call written from its
 * own column rightwards. Under a read that got bytes, an arrow runs from the writer's column
 * to the reader's, labelled with the count, the first bytes and the row of the write; a fork
 * is a line from the parent to the new column.
 */
public final class TextDiagram {
    public static final int WIDTH = 100;
    private static final int MARGIN = 5;

    private TextDiagram() {}

    public static String render(Diagram d) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(d.title).append(": ").append(d.processCount()).append(" process")
                .append(d.processCount() == 1 ? "" : "es").append(", ")
                .append(d.threadCount() == 0 ? "" : d.threadCount() + " thread" + (d.threadCount() == 1 ? "" : "s") + ", ")
                .append(d.transfers.size())
                .append(" transfer").append(d.transfers.size() == 1 ? "" : "s").append('\n');
        for (String note : d.notes) out.append(clip("   (" + note + ")")).append('\n');
        int n = Math.max(d.columns.size(), 1);
        int step = Math.max(12, Math.min(40, (WIDTH - MARGIN - 1) / n));
        for (Column c : d.columns) {
            String what = c.peer() ? "outside the trace" : c.parent >= 0 ? (c.thread ? "started by " : "forked by ") + letter(c.parent) + ", " + c.end : c.end;
            out.append(clip("   " + letter(c.index) + "  " + c.label + "  (" + what + ")")).append('\n');
        }
        char[] head = blank();
        for (Column c : d.columns) put(head, x(c.index, step), letter(c.index) + " " + c.label);
        out.append(line(head)).append('\n');
        for (Row r : d.rows) {
            char[] l = lifelines(d, r.index(), step);
            String num = Integer.toString(r.index() + 1);
            put(l, MARGIN - 1 - num.length(), num);
            put(l, x(r.column(), step), (r.blocked() ? "BLOCKED in " : "") + r.text());
            out.append(line(l)).append('\n');
            for (Column c : d.columns) {
                if (c.firstRow == r.index() && c.parent == r.column() && c.parent >= 0) out.append(line(arrow(d, r.index(), step, c.parent, c.index, (c.thread ? "starts: " : "fork: ") + c.label))).append('\n');
            }
            for (Diagram.Join j : d.joins) {
                if (j.row() == r.index()) out.append(line(arrow(d, r.index(), step, j.thread(), j.column(), d.column(j.thread()).label + " ended: joined"))).append('\n');
            }
            for (Transfer t : d.transfers) {
                if (t.toRow() != r.index()) continue;
                String label = t.label() + (t.fromRow() != t.toRow() ? " (row " + (t.fromRow() + 1) + ")" : "");
                if (t.fromColumn() == t.toColumn()) label += ": its own bytes";
                out.append(line(arrow(d, r.index(), step, t.fromColumn(), t.toColumn(), label))).append('\n');
            }
        }
        return out.toString();
    }

    static String letter(int column) {
        return column < 26 ? String.valueOf((char) ('A' + column)) : "C" + column;
    }

    private static int x(int column, int step) {
        return MARGIN + column * step;
    }

    private static char[] blank() {
        char[] l = new char[WIDTH];
        Arrays.fill(l, ' ');
        return l;
    }

    private static char[] lifelines(Diagram d, int row, int step) {
        char[] l = blank();
        for (Column c : d.columns) {
            boolean live = c.firstRow <= row && (c.peer() || row <= c.lastRow);
            if (live && x(c.index, step) < WIDTH) l[x(c.index, step)] = c.peer() ? ':' : '│';
        }
        return l;
    }

    /** A line from column a to column b (a == b: a loop) with the label on it or after it. */
    private static char[] arrow(Diagram d, int row, int step, int a, int b, String label) {
        char[] l = lifelines(d, row, step);
        int xa = x(a, step), xb = x(b, step);
        if (a == b) {
            put(l, xa, "└─↺ " + label);
            return l;
        }
        int lo = Math.min(xa, xb), hi = Math.max(xa, xb);
        for (int i = lo; i <= hi && i < WIDTH; i++) l[i] = '─';
        put(l, xa, xa < xb ? "├" : "┤");
        put(l, xb, xa < xb ? "▶" : "◀");
        String text = " " + label + " ";
        if (text.length() <= hi - lo - 4) put(l, lo + 2 + (hi - lo - 3 - text.length()) / 2, text);
        else put(l, hi + 2, label);
        return l;
    }

    private static void put(char[] l, int at, String s) {
        for (int i = 0; i < s.length() && at + i < WIDTH; i++) if (at + i >= 0) l[at + i] = s.charAt(i);
        if (at + s.length() > WIDTH && WIDTH >= 3) {
            l[WIDTH - 3] = '.';
            l[WIDTH - 2] = '.';
            l[WIDTH - 1] = '.';
        }
    }

    private static String line(char[] l) {
        return new String(l).stripTrailing();
    }

    private static String clip(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
    }

    static List<String> lines(Diagram d) {
        return new ArrayList<>(List.of(render(d).split("\n")));
    }
}
