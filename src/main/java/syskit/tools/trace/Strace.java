package syskit.tools.trace;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code strace -f -tt -s N -xx -o FILE}: one line per finished call,
 * signal or exit, each starting with the thread id and the time. A call another thread
 * interrupted is written in two halves ({@code <unfinished ...>}, then
 * {@code <... read resumed>}); this joins them into one {@link Event}, placed where it finished,
 * and remembers where it started. A call that never finished (the run ended while it waited)
 * has {@code ret == null}.
 */
public final class Strace {
    private Strace() {}

    public enum Kind { CALL, SIGNAL, EXIT, KILLED }

    /**
     * One line of the trace. CALL: name, args (strings decoded), ret ("13", "-1 EAGAIN ...",
     * or null: never returned). SIGNAL: name is the signal, args strace's siginfo. EXIT: ret is
     * the status. KILLED: name is the signal that ended the thread.
     */
    public record Event(int line, int startLine, int tid, String time, Kind kind, String name, String args, String ret) {
        public boolean returned() {
            return ret != null && !ret.equals("?");
        }

        /** The return value as a number, or -1 when it failed or never returned. */
        public long value() {
            if (!returned()) return -1;
            Matcher m = NUMBER.matcher(ret);
            return m.lookingAt() ? Long.decode(m.group()) : -1;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?(0x[0-9a-f]+|\\d+)");
    private static final Pattern HEAD = Pattern.compile("(\\d+) +(\\d\\d:\\d\\d:\\d\\d\\.\\d+) (.*)");
    private static final Pattern CALL = Pattern.compile("(\\w+)\\((.*)\\) += (.*)");
    private static final Pattern UNFINISHED = Pattern.compile("(\\w+)\\((.*) <unfinished \\.\\.\\.>");
    private static final Pattern RESUMED = Pattern.compile("<\\.\\.\\. (\\w+) resumed>(.*)");
    private static final Pattern SIGNAL = Pattern.compile("--- (SIG\\w+) (.*) ---");
    private static final Pattern EXITED = Pattern.compile("\\+\\+\\+ exited with (\\d+) \\+\\+\\+");
    private static final Pattern KILLED = Pattern.compile("\\+\\+\\+ killed by (SIG\\w+)( \\(core dumped\\))? \\+\\+\\+");
    private static final Pattern RET = Pattern.compile("(.*)\\) += (.*)");

    public static List<Event> parse(List<String> lines) {
        List<Event> events = new ArrayList<>();
        Map<Integer, Event> pending = new HashMap<>();   // tid -> the first half of a call
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = HEAD.matcher(lines.get(i));
            if (!h.matches()) continue;
            int tid = Integer.parseInt(h.group(1));
            String time = h.group(2), rest = h.group(3);
            Matcher m;
            if ((m = UNFINISHED.matcher(rest)).matches()) {
                pending.put(tid, new Event(i, i, tid, time, Kind.CALL, m.group(1), decode(m.group(2)), null));
            } else if ((m = RESUMED.matcher(rest)).matches()) {
                Event first = pending.remove(tid);
                String tail = m.group(2);
                Matcher r = RET.matcher(tail);
                String args = first != null ? first.args() : "";
                String ret = null;
                if (r.matches()) {
                    String more = r.group(1).replace(" <unfinished ...>", "");
                    args = joinArgs(args, decode(more));
                    ret = r.group(2).equals("?") ? null : r.group(2);
                }
                events.add(new Event(i, first != null ? first.startLine() : i, tid,
                        first != null ? first.time() : time, Kind.CALL, m.group(1), args, ret));
            } else if ((m = CALL.matcher(rest)).matches()) {
                String ret = m.group(3).equals("?") ? null : m.group(3);
                events.add(new Event(i, i, tid, time, Kind.CALL, m.group(1), decode(m.group(2)), ret));
            } else if ((m = SIGNAL.matcher(rest)).matches()) {
                events.add(new Event(i, i, tid, time, Kind.SIGNAL, m.group(1), m.group(2), null));
            } else if ((m = EXITED.matcher(rest)).matches()) {
                Event first = pending.remove(tid);
                if (first != null) events.add(first);
                events.add(new Event(i, i, tid, time, Kind.EXIT, "exit", "", m.group(1)));
            } else if ((m = KILLED.matcher(rest)).matches()) {
                Event first = pending.remove(tid);
                if (first != null) events.add(first);
                events.add(new Event(i, i, tid, time, Kind.KILLED, m.group(1), "", null));
            }
        }
        // calls still waiting when the trace ended (strace itself was stopped)
        pending.values().stream().sorted((a, b) -> a.line() - b.line()).forEach(events::add);
        return events;
    }

    private static String joinArgs(String first, String more) {
        if (first.isEmpty()) return more;
        if (more.isEmpty()) return first;
        return first.endsWith(", ") || more.startsWith(",") ? first + more : first + more;
    }

    /** strace's -xx strings ("\x57\x68...") as readable C-style strings ("Wh..."), with \0 \n \t and \xNN for the rest. */
    static String decode(String args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (c == '"') {
                int end = i + 1;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (end + 3 < args.length() && args.startsWith("\\x", end)) {
                    bytes.write(Integer.parseInt(args.substring(end + 2, end + 4), 16));
                    end += 4;
                }
                if (end < args.length() && args.charAt(end) == '"') {
                    out.append('"').append(escape(bytes.toByteArray())).append('"');
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Bytes as C would write them in a string literal: printable ASCII as is, \0 \n \t \r \\ \", else \xNN. */
    public static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            switch (v) {
                case 0 -> s.append("\\0");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                default -> {
                    if (v >= 0x20 && v < 0x7f) s.append((char) v);
                    else s.append(String.format("\\x%02x", v));
                }
            }
        }
        return s.toString();
    }

    /** The inverse of {@link Strace#escape}. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.write(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case '0' -> out.write(0);
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(n);
            }
        }
        return out.toByteArray();
    }
}
