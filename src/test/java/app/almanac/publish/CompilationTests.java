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
import java.util.List;
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
}
