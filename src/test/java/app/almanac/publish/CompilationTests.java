package app.almanac.publish;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.article.ArticleService;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Monthly compilations, read back with PDFBox. */
@AlmanacTest
class CompilationTests {

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @Autowired
    CompilationService compilations;

    @BeforeAll
    void content() {
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        for (int day : new int[] {5, 12}) {
            writer.save(TestArticles.article("Wheat procurement begins")
                    .on(LocalDate.of(2024, 2, day))
                    .category("Economy")
                    .syllabus(List.of("GS-III"))
                    .context("Procurement update for day " + day + ".")
                    .questions(List.of(new Question(
                            "Which agency buys wheat for the central pool?",
                            List.of(
                                    new Question.Option("A", "Food Corporation of India"),
                                    new Question.Option("B", "NABARD")),
                            List.of("A"),
                            "The FCI procures for the central pool.")))
                    .build());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            // words wrap inside table cells: compare text with any run of spaces as one space
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theMonthsPdfHasACoverContentsEveryAnalysisAndAnAnswerKey() throws Exception {
        Compilation compilation = compilations.compilation(YearMonth.of(2024, 2), null);
        assertThat(compilation.stories())
                .as("the wheat story twice in the month is one story")
                .hasSize(2);
        String text = text(compilations.pdf(compilation));
        assertThat(text)
                .contains(
                        "February 2024",
                        "Contents",
                        "GS-III",
                        "International News",
                        "COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)",
                        "Wheat procurement begins",
                        "also covered on 5 February 2024",
                        "Aspects",
                        "Founding Members",
                        "Practice questions",
                        "Answer key");
        assertThat(text.lastIndexOf("Answer key")).isGreaterThan(text.indexOf("Which agency buys wheat"));
        assertThat(text.split("Which agency buys wheat", -1))
                .as("a story told twice in the month is printed once")
                .hasSize(2);
    }

    @Test
    void aCompilationCanBeLimitedToOnePaper() throws Exception {
        Compilation gs3 = compilations.compilation(YearMonth.of(2024, 2), "GS-III");
        assertThat(gs3.stories())
                .extracting(s -> s.article().content().title())
                .containsExactly("Wheat procurement begins");
        assertThat(text(compilations.pdf(gs3))).doesNotContain("COLLECTIVE SECURITY");
    }

    @Test
    void theWebServesTheCompilationAsAPdf() throws Exception {
        TestHttp web = new TestHttp(port);
        HttpResponse<byte[]> response = web.getBytes("/compilations/2024-02.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(response.body())).contains("Answer key");
        assertThat(web.getBytes("/compilations/2023-01.pdf").statusCode()).isEqualTo(404);
        assertThat(web.getBytes("/compilations/feb.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aPdfIsLaidOutOnceForAnyNumberOfConcurrentReadersAndKeptUntilItsMonthChanges() throws Exception {
        writer.save(TestArticles.article("Cold wave grips the plains")
                .on(LocalDate.of(2024, 3, 4))
                .build());
        TestHttp web = new TestHttp(port);
        long before = compilations.layouts();
        ExecutorService readers = Executors.newFixedThreadPool(24);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                answers.add(readers.submit(() -> web.getBytes("/compilations/2024-03.pdf")));
            }
            byte[] first = null;
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                first = first == null ? response.body() : first;
                assertThat(response.body()).isEqualTo(first);
            }
        } finally {
            readers.shutdownNow();
        }
        // rendering from scratch for each of 24 readers took 5.5 GB
        assertThat(compilations.layouts() - before).as("laid out once").isEqualTo(1);

        String etag = web.getBytes("/compilations/2024-03.pdf")
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertThat(web.get("/compilations/2024-03.pdf", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(compilations.layouts() - before).as("still kept").isEqualTo(1);

        writer.save(TestArticles.article("Fog delays flights")
                .on(LocalDate.of(2024, 3, 9))
                .build());
        HttpResponse<byte[]> changed = web.getBytes("/compilations/2024-03.pdf");
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(text(changed.body())).contains("Fog delays flights");
        assertThat(compilations.layouts() - before).as("the month changed").isEqualTo(2);
    }

    @Test
    void aMonthTooLargeForOneCompilationListsTheRestWithLinks() throws Exception {
        long first = articles.listedIn(YearMonth.of(2024, 2), null).get(0).size();
        Compilation bounded = compilations.compilation(YearMonth.of(2024, 2), null, first);
        assertThat(bounded.stories()).hasSize(1);
        assertThat(bounded.leftOut()).isNotEmpty();
        String text = text(compilations.pdf(bounded));
        assertThat(text).contains("More from February 2024");
        for (var more : bounded.leftOut()) {
            assertThat(text).contains(more.title());
        }
    }
}
