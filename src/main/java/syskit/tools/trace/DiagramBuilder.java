package syskit.tools.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syskit.tools.trace.Diagram.Column;
import syskit.tools.trace.Diagram.Row;
import syskit.tools.trace.Diagram.Transfer;
import syskit.tools.trace.Draft.Move;
import syskit.tools.trace.Channel.Pending;
import syskit.tools.trace.Strace.Event;
import syskit.tools.trace.Strace.Kind;

/**
 * Builds a {@link Diagram} from one trace: finds where the listing starts, keeps its own calls
 * (see {@link Diagram} for what counts as the listing's), gives each process and thread a column,
 * and matches the bytes written with the bytes read. Each call is dispatched by name to the
 * method that draws it.
 */
public final class DiagramBuilder {

    private static final Pattern EXEC_PATH = Pattern.compile("^\"([^\"]*)\"");
    private static final Pattern CP = Pattern.compile("\"-(?:cp|classpath)\", \"([^\"]*)\"");
    private static final Pattern FD = Pattern.compile("^(\\d+)");
    private static final Pattern PAIR = Pattern.compile("^\\[(\\d+), (\\d+)\\]");
    private static final Pattern INET = Pattern.compile("sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]*)\"\\)");
    private static final Pattern UNIX = Pattern.compile("sun_path=\"([^\"]*)\"");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\.\\.\\.)?");
    private static final Pattern SI_PID = Pattern.compile("si_pid=(\\d+)");

    /**
     * In a Java run, files the runtime itself reads on the listing's thread: the kit's signal
     * layer checks every JVM thread's mask in /proc/self/task (syskit.os.SigMask), and the JDK's
     * network code probes /proc/net for IPv6 the first time it is used.
     */
    private static final Pattern RUNTIME_FILES = Pattern.compile("/proc/(self/task|thread-self|net/)");
    /** In a Java run, the JDK's own real-time signal (NIO wakes a blocked thread with it); the book never uses one. */
    private static final Pattern RUNTIME_SIGNAL = Pattern.compile("SIGRT");

    private static final Set<String> WAITS = Set.of("poll", "ppoll");
    private static final Pattern POLL_FD = Pattern.compile("\\{fd=(\\d+)");

    /** Whether every descriptor a poll waits for is one the listing created. */
    static boolean listingFds(String args, Map<Integer, ?> table) {
        Matcher m = POLL_FD.matcher(args);
        while (m.find()) if (!table.containsKey(Integer.parseInt(m.group(1)))) return false;
        return true;
    }

    private static final Set<String> READS = Set.of("read", "readv", "recvfrom", "recvmsg", "recv");
    private static final Set<String> WRITES = Set.of("write", "writev", "sendto", "sendmsg", "send");
    private static final Set<String> NO_FD = Set.of("wait4", "waitid", "kill", "tgkill", "nanosleep",
            "clock_nanosleep", "alarm", "pause", "select", "pselect6", "poll", "ppoll", "rt_sigaction",
            "execve", "socketpair", "setsid", "getpid");

    final List<Draft> drafts = new ArrayList<>();
    final List<Move> moves = new ArrayList<>();
    final Map<Integer, Draft> firstOf = new HashMap<>();   // column -> the row it starts at
    final Diagram d;
    final List<Event> events;
    final Map<Integer, Integer> processOf = new HashMap<>();      // tid -> pid
    final Map<Integer, Integer> columnOf = new HashMap<>();       // listing tid (= pid) -> column
    final Map<Integer, Integer> processColumn = new HashMap<>();  // listing pid -> column
    final Map<Integer, Map<Integer, Channel>> fds = new HashMap<>(); // column -> fd -> channel
    final Map<String, Integer> peers = new HashMap<>();
    final List<String> jvmDirs = new ArrayList<>();
    final Map<String, Integer> counters = new HashMap<>();
    final Map<String, String> joins = new HashMap<>();            // child_tid address -> thread column's name
    final Map<String, Integer> joinColumns = new HashMap<>();     // child_tid address -> thread column
    final Map<Draft, Integer> joinRows = new java.util.IdentityHashMap<>(); // a pthread_join that returned -> the thread column
    final Map<Integer, Integer> threads = new HashMap<>();        // process column -> threads started so far
    final Map<String, Set<Integer>> futexUsers = new HashMap<>();  // futex address -> every thread that waited or woke on it
    final Map<Draft, String> futexRows = new java.util.IdentityHashMap<>();
    int dropped;
    boolean java;

    DiagramBuilder(Diagram d, List<Event> events) {
        this.d = d;
        this.events = forksWhereTheyStarted(events);
    }

    /**
     * strace prints a clone or fork that another task interrupted as "clone3(... <unfinished ...>"
     * and, later, "<... clone3 resumed> = 30401"; a thread that is quick can run and end in
     * between. The call goes where it started, so the new task is known before its first line
     * (else its calls and its exit would be left out, and it would look still running). Every
     * other call stays where it returned: a read is drawn below the write that filled it.
     */
    static List<Event> forksWhereTheyStarted(List<Event> events) {
        List<Event> moved = new ArrayList<>();
        for (Event e : events) {
            boolean interrupted = e.kind() == Kind.CALL && FORKS.contains(e.name()) && e.startLine() < e.line();
            if (!interrupted) {
                moved.add(e);
                continue;
            }
            int at = moved.size();
            for (int i = 0; i < moved.size(); i++) {
                if (moved.get(i).line() > e.startLine()) {
                    at = i;
                    break;
                }
            }
            moved.add(at, e);
        }
        return moved;
    }

    private static final Set<String> FORKS = Set.of("clone", "clone3", "fork", "vfork");

    void build() {
        int exec = -1;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() == Kind.CALL && e.name().equals("execve") && "0".equals(e.ret())) {
                Matcher p = EXEC_PATH.matcher(e.args());
                String path = p.find() ? p.group(1) : "";
                if (path.endsWith("/java")) {
                    exec = i;
                    java = true;
                    jvmDirs.clear();
                    jvmDirs.add(path.substring(0, path.length() - "/bin/java".length()) + "/");
                    Matcher cp = CP.matcher(e.args());
                    if (cp.find()) for (String entry : cp.group(1).split(":")) if (!entry.isEmpty()) jvmDirs.add(entry);
                } else if (!java) {
                    exec = i;
                }
            }
        }
        if (exec < 0) {
            d.notes.add("no successful execve in the trace: nothing to draw");
            return;
        }
        int pid0 = events.get(exec).tid();
        processOf.put(pid0, pid0);
        int start = -1, listingTid = pid0;
        for (int i = exec + 1; i < events.size() && start < 0; i++) {
            Event e = events.get(i);
            track(e);
            if (e.kind() != Kind.CALL || processOf.getOrDefault(e.tid(), e.tid()) != pid0) continue;
            if (java && e.name().equals("rt_sigaction") && e.args().startsWith("SIGPIPE, {sa_handler=SIG_DFL")) {
                start = i;
                listingTid = e.tid();
            } else if (!java && e.name().equals("set_robust_list") && e.tid() == pid0) {
                start = i;
            }
        }
        if (start < 0) {
            d.notes.add(java ? "the listing never started (no SIGPIPE reset by the launcher): see the program's own output"
                    : "the program never got past the dynamic loader");
            return;
        }
        Column main = addColumn(pid0, -1, 0, java ? "java" : "main");
        columnOf.put(listingTid, main.index);
        processColumn.put(pid0, main.index);
        Map<Integer, Channel> table = new HashMap<>();
        table.put(0, new Channel("stdin"));
        table.put(1, new Channel("stdout"));
        table.put(2, new Channel("stderr"));
        fds.put(main.index, table);
        if (java) d.notes.add("the listing's thread: " + listingTid + " in java " + pid0 + "; JVM threads and class loading left out");
        for (Event e : events) {
            String address = e.kind() == Kind.CALL && e.name().equals("futex") ? Futex.address(e.args()) : null;
            if (address != null) futexUsers.computeIfAbsent(address, a -> new java.util.HashSet<>()).add(e.tid());
        }
        for (int i = start + 1; i < events.size(); i++) {
            Event e = events.get(i);
            track(e);
            Integer col = columnOf.get(e.tid());
            if (col == null) {
                // a signal the kernel gave another thread of a listing process
                Integer owner = processColumn.get(processOf.getOrDefault(e.tid(), -1));
                if (owner != null && e.kind() == Kind.SIGNAL) signal(owner, e);
                continue;
            }
            switch (e.kind()) {
                case CALL -> call(col, e);
                case SIGNAL -> signal(col, e);
                case EXIT -> end(col, e, "exit " + e.ret());
                case KILLED -> end(col, e, "killed by " + e.name());
            }
        }
        finish();
        if (dropped > 0) d.notes.add(dropped + " calls on descriptors the listing did not create left out");
        for (Column c : d.columns) if (c.end == null && !c.peer()) c.end = "running when the trace ended";
        if (d.columns.stream().anyMatch(c -> c.parent == 0 && !c.thread && !c.peer())) main.label = "parent " + pid0;
    }

    /** Follows which thread belongs to which process, for every thread in the trace. */
    void track(Event e) {
        if (e.kind() != Kind.CALL || !e.returned() || e.value() <= 0) return;
        String n = e.name();
        if (n.equals("clone") || n.equals("clone3") || n.equals("fork") || n.equals("vfork")) {
            int child = (int) e.value();
            processOf.put(child, e.args().contains("CLONE_THREAD") ? processOf.getOrDefault(e.tid(), e.tid()) : child);
        }
    }

    Column addColumn(int pid, int parent, int firstRow, String what) {
        String role = parent < 0 ? "process"
                : generation(parent) == 0 ? "child" : generation(parent) == 1 ? "grandchild" : "descendant";
        Column c = new Column(d.columns.size(), pid, parent, firstRow, role + " " + pid);
        d.columns.add(c);
        return c;
    }

    int generation(int column) {
        int g = 0;
        for (int c = column; d.columns.get(c).parent >= 0; c = d.columns.get(c).parent) g++;
        return g;
    }

    Draft row(int col, Event e, String text, boolean blocked, String kind) {
        Draft r = new Draft(col, e.time(), text, blocked, kind);
        r.raw = e.tid() + " " + e.time() + " " + switch (e.kind()) {
            case CALL -> e.name() + "(" + e.args() + ")" + (e.ret() == null ? " <unfinished ...>" : " = " + e.ret());
            case SIGNAL -> "--- " + e.name() + " " + e.args() + " ---";
            case EXIT -> "+++ exited with " + e.ret() + " +++";
            case KILLED -> "+++ killed by " + e.name() + " +++";
        };
        drafts.add(r);
        return r;
    }

    /** The rows in their final order: each read below the write it got bytes from; then the indexes. */
    void finish() {
        // A futex is a lock between the listing's threads only if two of them used it and no
        // JVM thread ever did: the JVM's own locks (safepoints, class loading, the JIT, its
        // exit) are taken on the listing's threads too.
        futexRows.forEach((r, address) -> {
            Set<Integer> users = futexUsers.get(address);
            if (!joins.containsKey(address) && (users.size() < 2 || !columnOf.keySet().containsAll(users))) drafts.remove(r);
        });
        for (Move m : moves) {
            int from = drafts.indexOf(m.from()), to = drafts.indexOf(m.to());
            if (to < from) {
                drafts.remove(to);
                drafts.add(drafts.indexOf(m.from()) + 1, m.to());
            }
        }
        Map<Draft, Integer> index = new java.util.IdentityHashMap<>();
        for (Draft r : drafts) {
            index.put(r, d.rows.size());
            d.rows.add(new Row(d.rows.size(), r.column, r.time, r.text, r.blocked, r.kind, r.raw));
            d.columns.get(r.column).lastRow = d.rows.size() - 1;
        }
        for (Column c : d.columns) {
            Draft first = firstOf.get(c.index);
            c.firstRow = first == null ? 0 : index.get(first) + (c.peer() ? 0 : 0);
            if (c.lastRow < c.firstRow) c.lastRow = c.firstRow;
        }
        for (Move m : moves) d.transfers.add(new Transfer(index.get(m.from()), m.fromColumn(), index.get(m.to()), m.toColumn(), m.bytes(), m.preview()));
        joinRows.forEach((r, thread) -> d.joins.add(new Diagram.Join(thread, index.get(r), r.column)));
        d.joins.sort((a, b) -> a.row() - b.row());
    }

    String name(String prefix) {
        int n = counters.merge(prefix, 1, Integer::sum);
        return prefix + n;
    }

    static int fdArg(Event e) {
        Matcher m = FD.matcher(e.args());
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    String callText(Event e, Channel ch) {
        String args = e.args().replace(" <unfinished ...>", "").replaceAll(", 0x[0-9a-f]+,", ",");
        String ret = e.ret() == null ? "" : " = " + e.ret().replace("(To be restarted if SA_RESTART is set)", "(restarted)");
        String text = e.name() + "(" + args + ")" + ret;
        if (READS.contains(e.name()) || WRITES.contains(e.name())) {
            // read(4, "Who are you?\0", 30) = 13: the buffer's text goes on the arrow
            int fd = fdArg(e);
            String rest = args.indexOf(", ") > 0 ? args.substring(args.indexOf(", ") + 2) : "";
            Matcher q = QUOTED.matcher(rest);
            String count = q.lookingAt() ? rest.substring(q.end()).replaceFirst("^, ", "") : rest;
            String shown = ch.peer == null && q.lookingAt() && !isPipeOrPeer(ch) ? "\"" + clip(q.group(1), 24) + "\", " : "";
            text = e.name() + "(" + fd + ", " + shown + count.trim() + ")" + ret;
        }
        return text + "  [" + ch.name + "]";
    }

    boolean isPipeOrPeer(Channel ch) {
        return ch.name.startsWith("pipe") || ch.peer != null;
    }

    /** Each call by name to the method that draws it; a call on a descriptor the listing did not create is left out. */
    void call(int col, Event e) {
        Map<Integer, Channel> table = fds.get(col);
        switch (e.name()) {
            case "exit_group", "exit", "set_robust_list" -> { }   // drawn by the +++ line, or before the listing
            case "futex" -> futex(col, e);
            case "clone", "clone3", "fork", "vfork" -> clone(col, e, table);
            case "pipe", "pipe2" -> pipe(col, e, table);
            case "socket", "epoll_create", "epoll_create1" -> socket(col, e, table);
            case "open", "openat", "creat" -> open(col, e, table);
            default -> unnamed(col, e, table);
        }
    }

    void futex(int col, Event e) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        String text = Futex.describe(e, joins);
        if (text == null) return;
        Draft r = row(col, e, text, blocked, text.startsWith("pthread_join") ? "join" : "lock");
        futexRows.put(r, Futex.address(e.args()));
        Integer thread = joinColumns.get(Futex.address(e.args()));
        if (thread != null && e.returned()) joinRows.put(r, thread);
    }

    void clone(int col, Event e, Map<Integer, Channel> table) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        if (e.args().contains("CLONE_THREAD")) {
            thread(col, e, table);
            return;
        }
        Draft r = row(col, e, "fork() = " + (e.ret() == null ? "?" : e.ret()), blocked, "fork");
        if (e.value() > 0) {
            int pid = (int) e.value();
            Column c = addColumn(pid, col, 0, "");
            firstOf.put(c.index, r);
            columnOf.put(pid, c.index);
            processColumn.put(pid, c.index);
            fds.put(c.index, new HashMap<>(table));
        }
    }

    void pipe(int col, Event e, Map<Integer, Channel> table) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        Matcher m = PAIR.matcher(e.args());
        if (e.returned() && e.value() == 0 && m.find()) {
            Channel ch = new Channel(name("pipe"));
            table.put(Integer.parseInt(m.group(1)), ch);
            table.put(Integer.parseInt(m.group(2)), ch);
            row(col, e, n + "(" + e.args() + ") = 0  [" + ch.name + ": read " + m.group(1) + ", write " + m.group(2) + "]", false, "call");
        } else {
            row(col, e, n + "(" + e.args() + ")" + (blocked ? "" : " = " + e.ret()), blocked, "call");
        }
    }

    void socket(int col, Event e, Map<Integer, Channel> table) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        String text = n + "(" + e.args() + ")" + (blocked ? "" : " = " + e.ret());
        Channel ch = null;
        if (e.value() >= 0) {
            ch = new Channel(name(n.equals("socket") ? "socket" : "epoll"));
            table.put((int) e.value(), ch);
            text += "  [" + ch.name + "]";
        }
        Draft r = row(col, e, text, blocked, "call");
        if (ch != null) ch.rows.add(r);
    }

    void open(int col, Event e, Map<Integer, Channel> table) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        Matcher q = QUOTED.matcher(e.args());
        String path = q.find() ? q.group(1) : "";
        if (jvmDirs.stream().anyMatch(dir -> path.startsWith(dir)) || (java && RUNTIME_FILES.matcher(path).lookingAt())) {
            dropped++;
            return;
        }
        String text = n + "(\"" + path + "\") = " + (blocked ? "?" : e.ret());
        if (e.value() >= 0) {
            Channel ch = new Channel(name("file"));
            table.put((int) e.value(), ch);
            text += "  [" + ch.name + ": " + path + "]";
        }
        row(col, e, text, blocked, "call");
    }

    /** The calls without a table entry of their own: the runtime's to leave out, those without a descriptor, and those on one. */
    void unnamed(int col, Event e, Map<Integer, Channel> table) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        if (java && n.equals("rt_sigaction") && RUNTIME_SIGNAL.matcher(e.args()).lookingAt()) {
            dropped++;
            return;
        }
        if (java && WAITS.contains(n) && e.value() >= 0 && !listingFds(e.args(), table)) {
            // the kit waits for a descriptor and its own signal pipe before a blocking call:
            // the listing's call follows; only a wait the run ended in is kept (as blocked)
            dropped++;
            return;
        }
        if (NO_FD.contains(n)) {
            String args = n.equals("rt_sigaction") ? e.args().replaceFirst(", sa_mask=.*", "}") : e.args();
            if (n.equals("execve")) args = clip(args, 60);
            row(col, e, n + "(" + args + ")" + (blocked ? "" : " = " + e.ret()), blocked, "call");
            return;
        }
        int fd = fdArg(e);
        Channel ch = fd >= 0 ? table.get(fd) : null;
        if (ch == null) {
            dropped++;
            return;
        }
        if (!n.equals("setsockopt") && !n.equals("close")) ch.used = true;
        switch (n) {
            case "close" -> close(col, e, table, fd, ch);
            case "accept", "accept4" -> accept(col, e, table, fd);
            case "connect" -> connect(col, e, fd, ch);
            case "bind" -> bind(col, e, fd, ch);
            default -> {
                if (n.startsWith("dup") || (n.equals("fcntl") && e.args().contains("F_DUPFD"))) dup(col, e, table, ch);
                else io(col, e, ch);
            }
        }
    }

    void close(int col, Event e, Map<Integer, Channel> table, int fd, Channel ch) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        table.remove(fd);
        Draft r = row(col, e, "close(" + fd + ")" + (blocked ? "" : " = " + e.ret()) + "  [" + ch.name + "]", blocked, "call");
        // In a Java run, a socket made and closed with nothing but options set is the
        // JDK probing what the system supports (IPv6, SO_REUSEPORT), not the listing.
        if (java && ch.name.startsWith("socket") && !ch.used && !table.containsValue(ch)) {
            drafts.remove(r);
            drafts.removeAll(ch.rows);
            dropped += ch.rows.size() + 1;
        }
    }

    void dup(int col, Event e, Map<Integer, Channel> table, Channel ch) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        if (e.value() >= 0) table.put((int) e.value(), ch);
        row(col, e, n + "(" + e.args() + ") = " + e.ret() + "  [" + ch.name + "]", blocked, "call");
    }

    void accept(int col, Event e, Map<Integer, Channel> table, int fd) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        String peer = address(e.args());
        String text = n + "(" + fd + ")" + (blocked ? "" : " = " + e.ret());
        if (e.value() >= 0) {
            Channel conn = new Channel(name("conn"));
            conn.peer = peer;
            table.put((int) e.value(), conn);
            text += "  [" + conn.name + (peer != null ? " from " + peer : "") + "]";
        }
        Draft r = row(col, e, text, blocked, "call");
        if (peer != null && e.value() >= 0) peerColumn("client " + peer, r);
    }

    void connect(int col, Event e, int fd, Channel ch) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        String peer = address(e.args());
        if (peer != null) ch.peer = peer;
        Draft r = row(col, e, n + "(" + fd + ", " + (peer == null ? "?" : peer) + ")" + (blocked ? "" : " = " + e.ret()) + "  [" + ch.name + "]", blocked, "call");
        if (peer != null && e.value() == 0) peerColumn("server " + peer, r);
    }

    void bind(int col, Event e, int fd, Channel ch) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        String addr = address(e.args());
        row(col, e, "bind(" + fd + ", " + (addr == null ? "..." : addr) + ")" + (blocked ? "" : " = " + e.ret()) + "  [" + ch.name + "]", blocked, "call");
    }

    /** A read or write (and any other call on a descriptor): drawn, and its bytes matched. */
    void io(int col, Event e, Channel ch) {
        String n = e.name();
        boolean blocked = e.ret() == null;
        Draft r = row(col, e, callText(e, ch), blocked, "call");
        ch.rows.add(r);
        if (e.value() <= 0) return;
        int count = (int) e.value();
        boolean toPeer = ch.peer != null && peers.containsKey(ch.peer);
        if (WRITES.contains(n)) {
            if (toPeer) moves.add(new Move(r, col, r, peers.get(ch.peer), count, preview(data(e), count)));
            else if (ch.name.startsWith("pipe")) {
                ch.writes.add(new Pending(r, col, count, data(e)));
                match(ch);
            }
        } else if (READS.contains(n)) {
            if (toPeer) moves.add(new Move(r, peers.get(ch.peer), r, col, count, preview(data(e), count)));
            else if (ch.name.startsWith("pipe")) {
                ch.reads.add(new Pending(r, col, count, data(e)));
                match(ch);
            }
        }
    }

    /**
     * A thread a listing thread started: in Java only Pthread.pthread_create runs on the
     * listing's threads (the JVM starts its own threads from its own), in C pthread_create.
     * It shares its process's descriptors, so the same table.
     */
    void thread(int col, Event e, Map<Integer, Channel> table) {
        int process = processColumn.get(processOf.getOrDefault(e.tid(), e.tid()));
        int number = threads.merge(process, 1, Integer::sum);
        String name = "thread " + number;
        Draft r = row(col, e, "pthread_create: " + e.name() + "() = " + (e.ret() == null ? "?" : e.ret()) + "  [" + name + "]",
                e.ret() == null, "fork");
        if (e.value() <= 0) return;
        Column c = new Column(d.columns.size(), (int) e.value(), col, 0, name);
        c.thread = true;
        d.columns.add(c);
        firstOf.put(c.index, r);
        columnOf.put((int) e.value(), c.index);
        fds.put(c.index, table);
        String tid = Futex.childTid(e.args());
        if (tid != null) {
            joins.put(tid, name);
            joinColumns.put(tid, c.index);
        }
        Column owner = d.columns.get(process);
        if (owner.label.startsWith("process ")) owner.label = "main";
    }

    /**
     * A pipe is a byte stream: the n-th byte read is the n-th byte written, whatever order
     * strace reported the two calls in (a read can be reported before the write that woke it).
     */
    void match(Channel ch) {
        while (!ch.writes.isEmpty() && !ch.reads.isEmpty()) {
            Pending w = ch.writes.peek(), r = ch.reads.peek();
            int n = Math.min(w.left, r.left);
            byte[] part = Arrays.copyOfRange(r.data, Math.min(r.offset, r.data.length), Math.min(r.offset + n, r.data.length));
            moves.add(new Move(w.row, w.column, r.row, r.column, n, preview(part, n)));
            w.left -= n;
            r.left -= n;
            r.offset += n;
            if (w.left == 0) ch.writes.poll();
            if (r.left == 0) ch.reads.poll();
        }
    }

    void peerColumn(String label, Draft at) {
        String address = label.substring(label.indexOf(' ') + 1);
        if (peers.containsKey(address)) return;
        Column c = new Column(d.columns.size(), 0, -1, 0, label);
        d.columns.add(c);
        firstOf.put(c.index, at);
        peers.put(address, c.index);
    }

    void signal(int col, Event e) {
        Matcher p = SI_PID.matcher(e.args());
        String from = p.find() ? " (from " + p.group(1) + ")" : "";
        Matcher code = Pattern.compile("si_code=CLD_(\\w+)").matcher(e.args());
        if (code.find() && p.find(0)) from = " (" + p.group(1) + " " + code.group(1).toLowerCase() + ")";
        row(col, e, "--- " + e.name() + from + " arrives ---", false, "signal");
    }

    void end(int col, Event e, String how) {
        Column c = d.columns.get(col);
        if (c.end != null) return;
        // a call cut short by the signal that ended the process: it was blocked in it
        if (how.startsWith("killed")) {
            for (int i = drafts.size() - 1; i >= 0; i--) {
                Draft r = drafts.get(i);
                if (r.column != col || !r.kind.equals("call")) continue;
                int cut = r.text.indexOf(" = ? ");
                if (cut > 0) {
                    int channel = r.text.lastIndexOf("  [");
                    r.text = r.text.substring(0, cut) + (channel > cut ? r.text.substring(channel) : "");
                    r.blocked = true;
                }
                break;
            }
        }
        row(col, e, "+++ " + how + " +++", false, "end");
        c.end = how;
    }

    static String address(String args) {
        Matcher m = INET.matcher(args);
        if (m.find()) return m.group(2) + ":" + m.group(1);
        m = UNIX.matcher(args);
        return m.find() ? m.group(1) : null;
    }

    /** The bytes of the call's buffer argument (what strace showed of them). */
    static byte[] data(Event e) {
        String args = e.args();
        int comma = args.indexOf(", ");
        if (comma < 0) return new byte[0];
        Matcher q = QUOTED.matcher(args.substring(comma + 2));
        return q.lookingAt() ? Strace.unescape(q.group(1)) : new byte[0];
    }

    /** Builds the diagram of one trace; title names the run, e.g. "ch11/pipe3, Java". */
    public static Diagram of(String title, List<Event> events) {
        Diagram d = new Diagram(title);
        new DiagramBuilder(d, events).build();
        return d;
    }

    /** The first bytes, escaped as in C, "..." when more were sent than shown. */
    static String preview(byte[] bytes, int count) {
        int shown = Math.min(bytes.length, 20);
        byte[] head = Arrays.copyOf(bytes, shown);
        return Strace.escape(head) + (count > shown ? "..." : "");
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(max - 3, 0)) + "...";
    }
}
