package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes that fit real analyses, per article, per file and per archive, refused with the reason. */
class ImportLimitsTests {

    @TempDir
    Path dir;

    /** An analysis in the text layout whose one bullet runs to {@code characters}. */
    private static String analysis(String title, int characters) {
        return title + "\n5th March 2024 Environment\nContext: A long report.\nDetails\n• "
                + "wetland ".repeat(characters / 8) + "\n";
    }

    private List<ParseResult> parse(Path... paths) {
        List<ParseResult> results = new ArrayList<>();
        try (ImportSources sources = ImportSources.of(List.of(paths))) {
            sources.parseAll(results::add);
        }
        return results;
    }

    @Test
    void aRealAnalysisFitsWithRoomToSpare() {
        ParseResult seed = ArticleFiles.read(TestSeeds.CSTO);
        assertThat(seed.ok()).isTrue();
        assertThat(ArticleFiles.parse(
                                "long.txt",
                                analysis("A long but real analysis", 200_000).getBytes(StandardCharsets.UTF_8))
                        .ok())
                .isTrue();
    }

    @Test
    void aZipOfHugeArticlesIsRefusedArticleByArticleWithTheReason() throws IOException {
        // the outside test's 463 KB archive unpacked to eight articles of 16 MiB each
        Path zip = dir.resolve("huge.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 8; i++) {
                out.putNextEntry(new ZipEntry("huge-" + i + ".txt"));
                out.write(analysis("Huge report " + i, 1_000_000).getBytes(StandardCharsets.UTF_8));
            }
            out.putNextEntry(new ZipEntry("bomb.txt"));
            byte[] mib = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 9; i++) {
                out.write(mib);
            }
        }
        assertThat(Files.size(zip)).isLessThan(200_000);
        List<ParseResult> results = parse(zip);
        assertThat(results).hasSize(9).noneMatch(ParseResult::ok);
        // entries are read in name order: bomb.txt, then huge-0.txt…
        assertThat(results.get(0).errors().get(0).toString()).contains("bomb.txt: is larger than 8 MiB unpacked");
        assertThat(results.subList(1, 9))
                .allSatisfy(r -> assertThat(r.errors().get(0).toString())
                        .contains("'Huge report", "holds", "characters; at most " + Limits.MAX_ARTICLE));
    }

    @Test
    void aFileLargerThanAnyPageIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[(int) ArticleFiles.MAX_BYTES + 1]);
        assertThat(ArticleFiles.read(big).errors().get(0).toString()).contains("larger than 8 MiB");
    }
}
