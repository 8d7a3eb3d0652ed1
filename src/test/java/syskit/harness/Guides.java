package syskit.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The kit's English guides: README.md, chapters/README.md, chapters/chNN/README.md and exercises/chNN/name/README.md. */
public final class Guides {
    private Guides() {}

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
}
