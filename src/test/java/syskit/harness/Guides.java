package syskit.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The kit's guides, for the tests that hold them (GuidesTwinTest, DocCommandsTest): which they are, and their code blocks. */
public final class Guides {
    private Guides() {}

    /** The English guides: README.md, chapters/README.md, chapters/chNN/README.md and exercises/chNN/name/README.md. */
    public static List<Path> english() throws IOException {
        List<Path> all = new ArrayList<>(List.of(Run.ROOT.resolve("README.md"), Run.ROOT.resolve("chapters/README.md")));
        for (String dir : new String[] {"chapters", "exercises"}) {
            try (Stream<Path> s = Files.walk(Run.ROOT.resolve(dir))) {
                s.filter(p -> p.getFileName().toString().equals("README.md"))
                        .filter(p -> Run.ROOT.relativize(p).toString().matches("(chapters/ch\\d\\d|exercises/ch\\d\\d/\\w+)/README.md"))
                        .sorted().forEach(all::add);
            }
        }
        return all;
    }

    /**
     * A fenced code block: the indexes of its opening and closing fence lines (an unclosed one
     * ends with the file), its language ("" for a plain ```), and the lines between, as written.
     */
    public record Block(int start, int end, String lang, List<String> body) {
        public boolean holds(int line) {
            return line >= start && line <= end;
        }
    }

    /** The code blocks of a guide's lines, fences indented inside a list item included. */
    public static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) continue;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) end++;
            blocks.add(new Block(i, Math.min(end, lines.size() - 1), fence.substring(3).strip(),
                    lines.subList(i + 1, Math.min(end, lines.size()))));
            i = end;
        }
        return blocks;
    }
}
