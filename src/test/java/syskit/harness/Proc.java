package syskit.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What /proc says about processes: state, parent, group, session, open descriptors. */
public record Proc(int pid, String comm, char state, int ppid, int pgrp, int session) {

    /** The process, or null when it is gone. */
    public static Proc of(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            int open = stat.indexOf('('), close = stat.lastIndexOf(')');
            String[] f = stat.substring(close + 2).split(" ");
            return new Proc(pid, stat.substring(open + 1, close), f[0].charAt(0),
                    Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static List<Proc> all() {
        List<Proc> procs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                Proc p = of(Integer.parseInt(name));
                if (p != null) procs.add(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return procs;
    }

    /** Every process of a session (a listing run by the harness is its own session). */
    public static List<Proc> inSession(int sid) {
        return all().stream().filter(p -> p.session == sid).toList();
    }

    public static List<Proc> childrenOf(int pid) {
        return all().stream().filter(p -> p.ppid == pid).toList();
    }

    /** True once the process has ended: gone from the table, or a zombie nobody reaped yet. */
    public static boolean ended(int pid) {
        Proc p = of(pid);
        return p == null || p.zombie();
    }

    /** True while the process is a zombie: ended, not yet reaped. */
    public static boolean isZombie(int pid) {
        Proc p = of(pid);
        return p != null && p.zombie();
    }

    public boolean zombie() {
        return state == 'Z';
    }

    /** The targets of /proc/PID/fd/*, by descriptor number: {@code 3 -> pipe:[123456]}. */
    public static java.util.SortedMap<Integer, String> fds(int pid) {
        return syskit.tools.FdView.fds(Integer.toString(pid));
    }

    /**
     * What one thread is doing, from /proc/PID/task/TID/stat and .../syscall: its state ('S':
     * asleep) and the system call it is in, with that call's arguments; nr is -1 when it is
     * running in user space. x86-64 numbers: {@link #READ} is read(2).
     */
    public record Syscall(int tid, char state, int nr, List<Long> args) {
        public static final int READ = 0, POLL = 7;
    }

    /** The thread of pid asleep ('S') in system call nr, or null. */
    public static Syscall asleepIn(int pid, int nr) {
        for (Syscall c : syscalls(pid)) if (c.state() == 'S' && c.nr() == nr) return c;
        return null;
    }

    /** True while a tracer (strace) is attached to that thread of pid. */
    public static boolean traced(int pid, int tid) {
        try {
            return Files.readAllLines(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "status"))
                    .stream().anyMatch(l -> l.startsWith("TracerPid:") && !l.substring(10).trim().equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every thread of the process and the system call it is in; empty when the process is gone. */
    public static List<Syscall> syscalls(int pid) {
        List<Syscall> calls = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    int tid = Integer.parseInt(task.getFileName().toString());
                    String stat = Files.readString(task.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    String[] f = Files.readString(task.resolve("syscall")).trim().split(" ");
                    int nr = f[0].matches("[0-9]+") ? Integer.parseInt(f[0]) : -1;
                    List<Long> args = new ArrayList<>();
                    for (int i = 1; nr >= 0 && i < f.length && i <= 6; i++) args.add(Long.decode(f[i]));
                    calls.add(new Syscall(tid, state, nr, args));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return calls;
    }

    /** CPU time the process (all its threads) has used so far, in clock ticks (1/100 s): utime + stime; -1 if gone. */
    public static long cpuTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // fields 14 and 15 of stat(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
