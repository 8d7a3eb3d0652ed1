package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import syskit.harness.Guides;
import syskit.harness.Run;

/**
 * Every English guide has a Korean twin (README.ko.md beside README.md), and the pair cannot
 * drift apart: the same headings at each level, the same number of table rows, and the same
 * code blocks byte for byte (so every command a guide shows is the same command in both
 * languages). English is the source; each links to the other in its first line.
 */
class GuidesTwinTest {

    @Test
    void everyGuideHasAKoreanTwinWithTheSameStructureAndCommands() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> guides = Guides.english();
        assertThat(guides).as("guides").hasSizeGreaterThan(30);
        for (Path en : guides) {
            Path ko = en.resolveSibling("README.ko.md");
            String name = Run.ROOT.relativize(en).toString();
            if (!Files.exists(ko)) {
                problems.add(name + ": no Korean twin " + Run.ROOT.relativize(ko));
                continue;
            }
            Guide e = Guide.read(en), k = Guide.read(ko);
            if (!e.firstLine.equals("[한국어](README.ko.md)")) problems.add(name + ": first line must be [한국어](README.ko.md)");
            if (!k.firstLine.equals("[English](README.md)")) problems.add(name + " (ko): first line must be [English](README.md)");
            if (!e.headingLevels.equals(k.headingLevels))
                problems.add(name + ": headings " + e.headingLevels + " in English, " + k.headingLevels + " in Korean");
            if (e.tableRows != k.tableRows)
                problems.add(name + ": " + e.tableRows + " table rows in English, " + k.tableRows + " in Korean");
            if (e.codeBlocks.size() != k.codeBlocks.size()) {
                problems.add(name + ": " + e.codeBlocks.size() + " code blocks in English, " + k.codeBlocks.size() + " in Korean");
            } else {
                for (int i = 0; i < e.codeBlocks.size(); i++) {
                    if (!e.codeBlocks.get(i).equals(k.codeBlocks.get(i)))
                        problems.add(name + ": code block " + (i + 1) + " differs:\n" + e.codeBlocks.get(i) + "--- Korean:\n" + k.codeBlocks.get(i));
                }
            }
        }
        assertThat(problems).as("guides and their Korean twins").isEmpty();
    }

    @Test
    void theGlossaryMapsKoreanTermsToEnglishAndManPagesAndBothIndexesLinkIt() throws IOException {
        String glossary = Files.readString(Run.ROOT.resolve("chapters/glossary.md"));
        for (String term : new String[] {"소켓", "파일 디스크립터", "좀비 프로세스", "시그널 핸들링", "멀티플렉싱", "뮤텍스", "세마포어", "임계영역"}) {
            assertThat(glossary).as("glossary term").contains(term);
        }
        assertThat(glossary).contains("fork(2)", "select(2)", "epoll(7)", "pthread_mutex_lock(3)");
        for (String index : new String[] {"chapters/README.md", "chapters/README.ko.md"}) {
            assertThat(Files.readString(Run.ROOT.resolve(index))).as(index).contains("(glossary.md)");
        }
    }

    /** What the twin test compares: heading levels in order, table rows, fenced code blocks. */
    private record Guide(String firstLine, List<Integer> headingLevels, int tableRows, List<String> codeBlocks) {
        static Guide read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            List<Guides.Block> blocks = Guides.blocks(lines);
            List<Integer> headings = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < lines.size(); i++) {
                int at = i;
                if (blocks.stream().anyMatch(b -> b.holds(at))) continue;
                String line = lines.get(i);
                if (line.matches("#{1,6} .*")) headings.add(line.indexOf(' '));
                else if (line.strip().startsWith("|")) rows++;
            }
            List<String> code = new ArrayList<>();
            for (Guides.Block b : blocks) {
                StringBuilder text = new StringBuilder("```").append(b.lang()).append('\n');
                b.body().forEach(l -> text.append(l.strip()).append('\n'));
                code.add(text.toString());
            }
            return new Guide(lines.isEmpty() ? "" : lines.get(0), headings, rows, code);
        }
    }
}
