package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTests {

    @TempDir
    Path dir;

    @Test
    void readsTheSeedFromDisk() {
        ParseResult result = ArticleFiles.read(TestSeeds.CSTO);
        assertThat(result.ok()).isTrue();
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.questions()).hasSize(1));
    }

    @Test
    void refusesAMissingFile() {
        ParseResult result = ArticleFiles.read(dir.resolve("nope.txt"));
        assertThat(result.errors()).singleElement().hasToString(dir.resolve("nope.txt") + ": no such file");
    }

    @Test
    void refusesADirectory() {
        assertThat(ArticleFiles.read(dir).errors())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("is a directory"));
    }

    @Test
    void refusesBinaryDataNamingTheLine() throws IOException {
        Path file = Files.write(dir.resolve("image.txt"), new byte[] {'a', '\n', 'b', '\n', 0, 1, 2});
        assertThat(ArticleFiles.read(file).errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("binary");
        });
    }

    @Test
    void refusesTextThatIsNotUtf8NamingTheLine() throws IOException {
        byte[] latin1 = "Title\nCaf\u00e9 line\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), latin1);
        assertThat(ArticleFiles.read(file).errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).contains("not UTF-8").contains("0xE9");
        });
    }

    @Test
    void refusesAValueTooLongForTheDatabaseNamingTheField() {
        ParseResult result = ArticleFiles.parse(
                "long.txt",
                ("Publisher " + "x".repeat(400) + "\nDaily News Analysis\n" + "A title\n1st March 2024\nContext: y\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(result.errors())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .isEqualTo("'A title': the publisher is 410 characters long; at most 300 are kept"));
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertThat(ArticleFiles.read(file).errors())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("empty file"));
    }
}
