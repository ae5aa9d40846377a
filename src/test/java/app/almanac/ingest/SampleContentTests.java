package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.ArticleService;
import app.almanac.article.ArticleSummary;
import app.almanac.article.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A new installation starts with the samples, loaded before the first request can arrive. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "almanac.samples=true",
            "spring.datasource.url=jdbc:h2:mem:samples;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class SampleContentTests {

    @Autowired
    SampleContent samples;

    @Autowired
    ArticleService articles;

    private static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/samples"))) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void everySampleIsStoredAtStartWithATableAndAnAnsweredQuestion() throws IOException {
        List<Path> files = sampleFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(samples.loadedAtStart()).isEqualTo(files.size());
        for (ArticleSummary summary : articles.latest(100)) {
            var article = articles.findPublishedBySlug(summary.slug()).orElseThrow();
            assertThat(article.content().sections())
                    .as(summary.title())
                    .anySatisfy(s -> assertThat(s.blocks()).anyMatch(b -> b instanceof Block.FactTable));
            assertThat(article.content().questions())
                    .as(summary.title())
                    .isNotEmpty()
                    .allSatisfy(q -> assertThat(q.answer()).isNotEmpty());
            assertThat(article.content().context()).isNotBlank();
        }
    }

    @Test
    void aDatabaseThatHoldsArticlesGetsNoSamples() {
        assertThat(samples.loadIfEmpty()).isZero();
        assertThat(articles.count()).isEqualTo(samples.loadedAtStart());
    }
}
