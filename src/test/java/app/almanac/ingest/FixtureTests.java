package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.Section;
import app.almanac.ingest.json.JsonFormat;
import app.almanac.ingest.markdown.MarkdownReader;
import app.almanac.ingest.markdown.MarkdownWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every fixture (written for Almanac, in the layouts publishers use) imports as its
 * {@code .expected.json} says, and every article comes back identical from Markdown and JSON.
 */
class FixtureTests {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> fixtures(String format, String extension) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(format))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList().stream();
        }
    }

    static Stream<Path> textFixtures() throws IOException {
        return fixtures("text", ".txt");
    }

    static Stream<Path> htmlFixtures() throws IOException {
        return fixtures("html", ".html");
    }

    static Stream<Path> markdownFixtures() throws IOException {
        return fixtures("markdown", ".md");
    }

    /** Every article file Almanac knows: fixtures, samples and the seed. */
    static Stream<Path> allArticleFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String format : List.of("text", "html", "markdown")) {
            try (Stream<Path> files = Files.list(FIXTURES.resolve(format))) {
                files.filter(f ->
                                !f.toString().endsWith(".json") && !f.toString().endsWith("README.md"))
                        .forEach(all::add);
            }
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/samples"))) {
            files.forEach(all::add);
        }
        all.add(TestSeeds.CSTO);
        return all.stream().sorted();
    }

    private static JsonNode expected(Path fixture) throws IOException {
        String name = fixture.getFileName().toString().replaceFirst("\\.[^.]+$", ".expected.json");
        return JSON.readTree(fixture.resolveSibling(name).toFile());
    }

    private static ParseResult parsed(Path fixture) {
        ParseResult result = ArticleFiles.read(fixture);
        assertThat(result.errors()).as(fixture.toString()).isEmpty();
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    private static String nullableString(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<String> headings(ArticleContent a) {
        return a.sections().stream()
                .map(Section::heading)
                .filter(h -> !h.isEmpty())
                .toList();
    }

    private static List<Block.FactTable> tables(ArticleContent a) {
        return a.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b instanceof Block.FactTable)
                .map(b -> (Block.FactTable) b)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFixtures")
    void textFixturesImportAsExpected(Path fixture) throws IOException {
        JsonNode expected = expected(fixture);
        ParseResult result = parsed(fixture);
        SoftAssertions soft = new SoftAssertions();
        if (expected.has("bank")) {
            assertThat(result.banks()).hasSize(1);
            QuestionBankContent bank = result.banks().get(0);
            soft.assertThat(bank.title()).isEqualTo(expected.get("bank").asString());
            checkQuestions(soft, bank.questions(), expected.get("questions"));
        } else {
            JsonNode articles = expected.get("articles");
            assertThat(result.articles()).as("articles in " + fixture).hasSize(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                checkArticle(soft, result.articles().get(i), articles.get(i));
            }
        }
        soft.assertAll();
    }

    private static void checkArticle(SoftAssertions soft, ArticleContent a, JsonNode e) {
        String title = e.get("title").asString();
        soft.assertThat(a.title()).isEqualTo(title);
        soft.assertThat(a.date()).as(title + ": date").hasToString(e.get("date").asString());
        if (e.has("category")) {
            soft.assertThat(a.category()).as(title + ": category").isEqualTo(nullableString(e.get("category")));
        }
        if (e.has("syllabus")) {
            soft.assertThat(a.syllabus())
                    .as(title + ": syllabus")
                    .containsExactlyElementsOf(strings(e.get("syllabus")));
        }
        if (e.has("tags") && !e.get("tags").isEmpty()) {
            soft.assertThat(a.tags()).as(title + ": tags").containsExactlyElementsOf(strings(e.get("tags")));
        }
        if (e.has("context")) {
            soft.assertThat(a.context()).as(title + ": context").isEqualTo(nullableString(e.get("context")));
        }
        if (e.has("headings")) {
            soft.assertThat(headings(a)).as(title + ": headings").containsExactlyElementsOf(strings(e.get("headings")));
        }
        if (e.has("tables")) {
            List<Block.FactTable> tables = tables(a);
            soft.assertThat(tables)
                    .as(title + ": tables")
                    .hasSize(e.get("tables").size());
            for (int t = 0; t < Math.min(tables.size(), e.get("tables").size()); t++) {
                JsonNode et = e.get("tables").get(t);
                Block.FactTable table = tables.get(t);
                soft.assertThat(table.header())
                        .as(title + ": table header")
                        .containsExactlyElementsOf(strings(et.get("header")));
                if (et.has("rowLabels")) {
                    soft.assertThat(table.rows().stream()
                                    .map(r -> String.join(" ", r.get(0)))
                                    .toList())
                            .as(title + ": row labels")
                            .containsExactlyElementsOf(strings(et.get("rowLabels")));
                }
                if (et.has("rows")) {
                    soft.assertThat(table.rows())
                            .as(title + ": rows")
                            .hasSize(et.get("rows").asInt());
                }
                List<Integer> counts = new ArrayList<>();
                et.get("paragraphCounts").forEach(n -> counts.add(n.asInt()));
                soft.assertThat(table.rows().stream()
                                .map(r -> r.size() > 1 ? r.get(1).size() : 0)
                                .toList())
                        .as(title + ": paragraphs per row")
                        .containsExactlyElementsOf(counts);
            }
        }
        if (e.has("questions")) {
            checkQuestions(soft, a.questions(), e.get("questions"));
        }
        if (e.has("credits")) {
            soft.assertThat(a.credits().stream().map(c -> c.label()).toList())
                    .as(title + ": credits")
                    .containsExactlyElementsOf(strings(e.get("credits")));
        }
    }

    private static void checkQuestions(SoftAssertions soft, List<Question> questions, JsonNode expected) {
        soft.assertThat(questions).as("questions").hasSize(expected.size());
        for (int q = 0; q < Math.min(questions.size(), expected.size()); q++) {
            Question question = questions.get(q);
            JsonNode e = expected.get(q);
            String as = "question " + (q + 1) + " ("
                    + question.stem().lines().findFirst().orElse("") + ")";
            soft.assertThat(question.answer()).as(as + ": answer").containsExactlyElementsOf(strings(e.get("answer")));
            if (e.has("options")) {
                soft.assertThat(question.options())
                        .as(as + ": options")
                        .hasSize(e.get("options").asInt());
            }
            soft.assertThat(question.statements())
                    .as(as + ": statements")
                    .hasSize(e.has("statements") ? e.get("statements").asInt() : 0);
            soft.assertThat(
                            question.pairs() == null
                                    ? 0
                                    : question.pairs().rows().size())
                    .as(as + ": pairs")
                    .isEqualTo(e.has("pairs") ? e.get("pairs").asInt() : 0);
            if (e.has("explanation")) {
                soft.assertThat(question.explanation() != null)
                        .as(as + ": has explanation")
                        .isEqualTo(e.get("explanation").asBoolean());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlFixtures")
    void savedPagesImportTheArticleOnly(Path fixture) throws IOException {
        JsonNode e = expected(fixture);
        ParseResult result = parsed(fixture);
        assertThat(result.articles()).hasSize(1);
        ArticleContent a = result.articles().get(0);
        SoftAssertions soft = new SoftAssertions();
        checkArticle(soft, a, e);
        long lists = a.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b instanceof Block.BulletList)
                .count();
        soft.assertThat(lists).as("lists").isEqualTo(e.get("lists").asLong());
        JsonNode table = e.get("table");
        List<Block.FactTable> tables = tables(a);
        soft.assertThat(tables).as("tables").hasSize(1);
        if (!tables.isEmpty()) {
            soft.assertThat(tables.get(0).header()).containsExactlyElementsOf(strings(table.get("header")));
            soft.assertThat(tables.get(0).rows()).hasSize(table.get("rows").asInt());
            List<Integer> counts = new ArrayList<>();
            table.get("paragraphCounts").forEach(n -> counts.add(n.asInt()));
            soft.assertThat(tables.get(0).rows().stream()
                            .map(r -> r.size() > 1 ? r.get(1).size() : 0)
                            .toList())
                    .as("paragraphs per row")
                    .containsExactlyElementsOf(counts);
        }
        String everything = JsonFormat.write(a);
        for (String clutter : strings(e.get("mustNotContain"))) {
            soft.assertThat(everything).as("clutter left in").doesNotContain(clutter);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markdownFixtures")
    void markdownFixturesImportAsExpected(Path fixture) throws IOException {
        JsonNode e = expected(fixture);
        ParseResult result = parsed(fixture);
        ArticleContent a = result.articles().get(0);
        SoftAssertions soft = new SoftAssertions();
        checkArticle(soft, a, e);
        soft.assertThat(a.tags()).as("tags").containsExactlyElementsOf(strings(e.get("tags")));
        String everything = a.toString();
        for (String text : strings(e.get("texts"))) {
            soft.assertThat(everything).as("text").contains(text);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allArticleFiles")
    void everyArticleSurvivesTheMarkdownRoundTrip(Path file) {
        for (ArticleContent a : parsed(file).articles()) {
            String markdown = MarkdownWriter.write(a);
            ParseResult again = MarkdownReader.parse("export.md", markdown);
            assertThat(again.errors()).as(markdown).isEmpty();
            assertThat(again.articles()).as(markdown).containsExactly(a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allArticleFiles")
    void everyArticleSurvivesTheJsonRoundTripAndMatchesTheSchema(Path file) {
        ParseResult result = parsed(file);
        for (ArticleContent a : result.articles()) {
            String json = JsonFormat.write(a);
            assertThat(JsonFormat.schemaErrors(JSON.readTree(json))).as(json).isEmpty();
            ParseResult again = JsonFormat.parse("export.json", json);
            assertThat(again.errors()).isEmpty();
            assertThat(again.articles()).containsExactly(a);
        }
        for (QuestionBankContent bank : result.banks()) {
            String json = JsonFormat.write(bank);
            assertThat(JsonFormat.schemaErrors(JSON.readTree(json))).as(json).isEmpty();
            assertThat(JsonFormat.parse("bank.json", json).banks()).containsExactly(bank);
        }
    }
}
