package syskit.tools.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bin/trace's drawing half: reads the strace files bin/trace wrote, prints each run as a text
 * diagram and writes them all into one HTML page.
 * Usage: java syskit.tools.trace.Trace TITLE PAGE.html LABEL=STRACE_FILE...
 * e.g. {@code ch11/pipe3 target/trace/ch11/pipe3.html Java=target/trace/ch11/pipe3.java.strace}.
 */
public final class Trace {
    private Trace() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Trace TITLE PAGE.html LABEL=STRACE_FILE...");
            System.exit(2);
        }
        List<Diagram> diagrams = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String label = args[i].substring(0, eq);
            Path file = Path.of(args[i].substring(eq + 1));
            diagrams.add(read(args[0] + ", " + label, file));
        }
        StringBuilder text = new StringBuilder();
        for (Diagram d : diagrams) text.append(TextDiagram.render(d)).append('\n');
        System.out.print(text);
        Path page = Path.of(args[1]);
        if (page.getParent() != null) Files.createDirectories(page.getParent());
        Files.writeString(page, HtmlDiagram.page(args[0], diagrams), StandardCharsets.UTF_8);
        System.out.println("page: " + page);
    }

    /** The diagram of one strace output file. */
    public static Diagram read(String title, Path strace) throws IOException {
        List<String> lines = Files.readAllLines(strace, StandardCharsets.ISO_8859_1);
        return DiagramBuilder.of(title, Strace.parse(lines));
    }
}
