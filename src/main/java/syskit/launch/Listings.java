package syskit.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listing catalogue, src/main/resources/syskit/listings.tsv: id, class, JVM profile
 * ({@code fork} or {@code jit}), one line on what it shows.
 */
public record Listings(List<Entry> entries) {
    public record Entry(String id, String className, String profile, String summary) {}

    public static Listings load() {
        List<Entry> entries = new ArrayList<>();
        try (var in = Listings.class.getResourceAsStream("/syskit/listings.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 4);
                if (f.length != 4 || !(f[2].equals(Profile.FORK) || f[2].equals(Profile.JIT))) {
                    throw new IllegalStateException("listings.tsv: bad line (id, class, fork|jit, summary): " + line);
                }
                entries.add(new Entry(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Listings(entries);
    }

    public Entry find(String id) {
        for (Entry e : entries) if (e.id().equals(id)) return e;
        return null;
    }

    /**
     * The entry an IDE's Run button names: an id (ch11/pipe1), a class (syskit.ch11.Pipe1) or the
     * path of its source (src/main/java/syskit/ch11/Pipe1.java, as VS Code's ${relativeFile} or
     * IntelliJ's $FilePath$ give it); the first entry of that class. Null if none.
     */
    public Entry resolve(String arg) {
        Entry byId = find(arg);
        if (byId != null) return byId;
        String className = arg;
        if (arg.endsWith(".java")) {
            int at = arg.replace('\\', '/').lastIndexOf("syskit/");
            if (at < 0) return null;
            className = arg.substring(at, arg.length() - ".java".length()).replace('/', '.').replace('\\', '.');
        }
        for (Entry e : entries) if (e.className().equals(className)) return e;
        return null;
    }

    /**
     * The ids closest to a mistyped one, at most {@code n}, closest first (edit distance, a swap of
     * two neighbouring characters counting as one edit, as in "piep1"); only ids a few edits away.
     */
    public List<String> closest(String typo, int n) {
        int limit = Math.max(2, typo.length() / 3);
        return entries.stream()
                .map(e -> Map.entry(e.id(), distance(typo, e.id())))
                .filter(d -> d.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(String.format("  %-30s %s%n", e.id(), e.summary()));
        return sb.toString();
    }
}
