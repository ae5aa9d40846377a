package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Question;
import app.almanac.article.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages in seven publishers' layouts and question banks in three forms, written blind (by helpers who
 * had not seen the parser) with the result a correct importer gives: how many articles and questions
 * come out exactly right (title, date, category, syllabus, context, headings, table rows; every
 * question's stem, options, answer and explanation). The counts may only go up: the floor below is
 * what the importer achieves now, and the report ({@code target/layout-fixtures.txt}) says what
 * each miss is.
 */
class LayoutFixtureTests {

    /** The fixtures; {@code -Dalmanac.layouts=DIR} counts another set (a new blind set, before it joins these). */
    private static final Path LAYOUTS =
            Path.of(System.getProperty("almanac.layouts", "src/test/resources/fixtures/layouts"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Exactly right now, of 66 articles and 217 questions: all of them (raise these as the importer improves). */
    private static final int ARTICLES_RIGHT = 66;

    private static final int QUESTIONS_RIGHT = 217;

    record Tally(int articles, int articlesRight, int questions, int questionsRight, List<String> misses) {}

    @Test
    void theBlindFixturesImportRightAtLeastAsOftenAsBefore() throws IOException {
        Tally tally = tally();
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "layout-fixtures.txt"),
                "articles exactly right: " + tally.articlesRight() + " of " + tally.articles()
                        + "\nquestions exactly right: " + tally.questionsRight() + " of " + tally.questions()
                        + "\n\n" + String.join("\n", tally.misses()) + "\n");
        assertThat(tally.articlesRight()).as("articles exactly right").isGreaterThanOrEqualTo(ARTICLES_RIGHT);
        assertThat(tally.questionsRight()).as("questions exactly right").isGreaterThanOrEqualTo(QUESTIONS_RIGHT);
    }

    /**
     * Every fixture can be explained, and the explanation agrees with the parse: the lines it calls the
     * title hold each article's title, every question has its own line, and what it is unsure of it says
     * at a line of the file.
     */
    @Test
    void everyFixtureIsExplainedLineByLineInAgreementWithItsParse() throws IOException {
        for (Path file : files()) {
            ParseExplanation explained = ArticleFiles.explain(file.toString(), Files.readAllBytes(file), null);
            String name = file.getFileName().toString();
            assertThat(explained.format()).as(name).isEqualTo("text");
            assertThat(explained.result()).as(name).isEqualTo(ArticleFiles.read(file));
            assertThat(explained.lines())
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.kind()).isNotBlank());
            List<String> titleLines = explained.lines().stream()
                    .filter(r -> r.became().equals("title"))
                    .map(ParseExplanation.Reading::text)
                    .toList();
            assertThat(titleLines)
                    .as(name)
                    .hasSize(explained.result().articles().size());
            for (int i = 0; i < titleLines.size(); i++) {
                assertThat(titleLines.get(i))
                        .as(name)
                        .contains(explained.result().articles().get(i).title());
            }
            int questions = explained.result().articles().stream()
                            .mapToInt(a -> a.questions().size())
                            .sum()
                    + explained.result().banks().stream()
                            .mapToInt(b -> b.questions().size())
                            .sum();
            assertThat(explained.lines().stream().filter(r -> r.became().matches("question \\d+")))
                    .as(name + ": one line starts each question")
                    .hasSize(questions);
            assertThat(explained.unsure())
                    .as(name)
                    .allSatisfy(d -> assertThat(d.line()).isPositive());
        }
    }

    @Test
    void theExplanationSaysWhatWasUnsure() {
        String page = """
                Focus: GS3.
                Topic: Environment
                A tiger reserve is notified in the western hills
                The state notified its fifth tiger reserve on Monday, joining two forest corridors that tigers already use.
                About the reserve
                • It covers about 700 square kilometres.

                Practice question
                Q1. Which state notified the reserve?
                - Kerala
                - Karnataka
                """;
        ParseExplanation explained = ArticleFiles.explain("reserve.txt", page.getBytes(), null);
        assertThat(explained.sure()).isFalse();
        assertThat(explained.unsure())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("gives no publication date"))
                .anySatisfy(m -> assertThat(m).contains("question 1 gives no answer"));
        assertThat(explained.lines())
                .extracting(ParseExplanation.Reading::became)
                .containsSubsequence(
                        "label: syllabus GS-III", "title", "context (lead paragraph)", "heading", "bullet");
    }

    static Tally tally() throws IOException {
        int articles = 0, articlesRight = 0, questions = 0, questionsRight = 0;
        List<String> misses = new ArrayList<>();
        for (Path page : files()) {
            JsonNode expected = JSON.readTree(
                    page.resolveSibling(page.getFileName().toString().replace(".txt", ".expected.json"))
                            .toFile());
            ParseResult result = ArticleFiles.read(page);
            String name = page.getFileName().toString();
            if (expected.has("articles")) {
                JsonNode want = expected.get("articles");
                articles += want.size();
                for (JsonNode a : want) {
                    questions += a.path("questions").size();
                }
                if (!result.ok()) {
                    misses.add(name + ": refused: " + result.errors());
                    continue;
                }
                if (result.articles().size() != want.size()) {
                    misses.add(name + ": " + result.articles().size() + " articles, expected " + want.size());
                }
                for (int i = 0; i < Math.min(want.size(), result.articles().size()); i++) {
                    List<String> wrong = new ArrayList<>();
                    int right = questionsRight(
                            result.articles().get(i).questions(), want.get(i).path("questions"), wrong);
                    questionsRight += right;
                    article(result.articles().get(i), want.get(i), wrong);
                    if (wrong.isEmpty()) {
                        articlesRight++;
                    } else {
                        misses.add(name + " #" + (i + 1) + ": " + String.join("; ", wrong));
                    }
                }
            } else {
                JsonNode want = expected.get("questions");
                questions += want.size();
                if (!result.ok() || result.banks().size() != 1) {
                    misses.add(name + ": refused or not a bank: " + result.errors());
                    continue;
                }
                List<String> wrong = new ArrayList<>();
                questionsRight += questionsRight(result.banks().get(0).questions(), want, wrong);
                if (!wrong.isEmpty()) {
                    misses.add(name + ": " + String.join("; ", wrong));
                }
            }
        }
        return new Tally(articles, articlesRight, questions, questionsRight, misses);
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("pages", "banks")) {
            try (Stream<Path> files = Files.list(LAYOUTS.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static void article(ArticleContent a, JsonNode e, List<String> wrong) {
        same(wrong, "title", e.path("title").asString(), a.title());
        same(
                wrong,
                "date",
                text(e.get("date")),
                a.date() == null ? null : a.date().toString());
        same(wrong, "category", text(e.get("category")), a.category());
        same(wrong, "syllabus", strings(e.get("syllabus")), a.syllabus());
        same(wrong, "context", text(e.get("context")), a.context());
        same(
                wrong,
                "headings",
                strings(e.get("headings")),
                a.sections().stream()
                        .map(Section::heading)
                        .filter(h -> !h.isEmpty())
                        .toList());
        List<List<String>> tables = new ArrayList<>();
        for (Section s : a.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.FactTable t) {
                    tables.add(t.rows().stream()
                            .map(r -> String.join(" ", r.get(0)))
                            .toList());
                }
            }
        }
        List<List<String>> wantTables = new ArrayList<>();
        e.path("tables").forEach(t -> wantTables.add(strings(t.get("rowLabels"))));
        same(wrong, "tables", wantTables, tables);
    }

    private static int questionsRight(List<Question> got, JsonNode want, List<String> wrong) {
        int right = 0;
        if (got.size() != want.size()) {
            wrong.add(got.size() + " questions, expected " + want.size());
        }
        for (int q = 0; q < Math.min(got.size(), want.size()); q++) {
            Question question = got.get(q);
            JsonNode e = want.get(q);
            List<String> mine = new ArrayList<>();
            same(
                    mine,
                    "stem",
                    e.path("stem").asString(),
                    question.stem().lines().findFirst().orElse(""));
            same(
                    mine,
                    "options",
                    strings(e.get("options")),
                    question.options().stream().map(Question.Option::text).toList());
            same(mine, "answer", strings(e.get("answer")), question.answer());
            same(mine, "explanation", text(e.get("explanation")), question.explanation());
            if (mine.isEmpty()) {
                right++;
            } else {
                wrong.add("Q" + (q + 1) + " " + String.join(", ", mine));
            }
        }
        return right;
    }

    private static void same(List<String> wrong, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            if (expected instanceof String e && actual instanceof String a) {
                int at = 0;
                while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 20);
                wrong.add(what + " differs at " + at + ": was …" + shorten(a.substring(from)) + ", expected …"
                        + shorten(e.substring(from)));
            } else {
                wrong.add(what + " was " + shorten(actual) + ", expected " + shorten(expected));
            }
        }
    }

    private static String shorten(Object o) {
        String s = String.valueOf(o);
        return s.length() > 90 ? s.substring(0, 87) + "..." : s;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.forEach(v -> out.add(v.asString()));
        }
        return out;
    }
}
