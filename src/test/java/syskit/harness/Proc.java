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

    public boolean zombie() {
        return state == 'Z';
    }

    /** The targets of /proc/PID/fd/*, by descriptor number: {@code 3 -> pipe:[123456]}. */
    public static java.util.SortedMap<Integer, String> fds(int pid) {
        var map = new java.util.TreeMap<Integer, String>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Integer.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    map.put(Integer.parseInt(fd.getFileName().toString()), Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return map;
    }
}
