package syskit.tools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import syskit.os.Unistd;

/**
 * A process's file descriptor table, as the kernel shows it in /proc/PID/fd: one symbolic link
 * per open descriptor, {@code 3 -> pipe:[123456]}. Two descriptors that name the same
 * {@code pipe:[inode]} are two ends (or two copies) of one pipe, in one process or in two.
 */
public final class FdView {
    private FdView() {}

    /** Prints the calling process's table under a heading: {@code who (pid N):}, then one line per descriptor. */
    public static void print(String who) {
        StringBuilder sb = new StringBuilder();
        sb.append(who).append(" (pid ").append(Unistd.getpid()).append("):\n");
        for (Map.Entry<Integer, String> fd : fds("self").entrySet()) {
            sb.append("  ").append(fd.getKey()).append(" -> ").append(fd.getValue()).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
    }

    /** The table of {@code proc} ("self" or a pid), by descriptor number; empty if the process is gone. */
    public static SortedMap<Integer, String> fds(String proc) {
        SortedMap<Integer, String> table = new TreeMap<>();
        // Listing the directory opens a descriptor of its own: leave it out.
        String lister = "/proc/" + Unistd.getpid() + "/fd";
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc", proc, "fd"))) {
            for (Path fd : dir) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (!target.equals(lister)) table.put(Integer.parseInt(fd.getFileName().toString()), target);
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return table;
    }
}
