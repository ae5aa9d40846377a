package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.MutableClock;
import app.almanac.TestSeeds;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleService;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.article.Question;
import app.almanac.article.QuestionService;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import app.almanac.web.Html5Validator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The learner's loop over HTTP, on the seed's CSTO question of 2024-02-26 (key D). */
@AlmanacTest
class PracticeTests {

    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @Autowired
    QuestionService questions;

    @Autowired
    PracticeService practice;

    @Autowired
    MutableClock clock;

    private String token;
    private String otherToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void seed() {
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        accounts.add("test", "quizzer@example.org", "Q", PASSWORD, Role.LEARNER);
        accounts.add("test", "nosy@example.org", "N", PASSWORD, Role.LEARNER);
        token = accounts.issueToken("quizzer@example.org", "tests", List.of("practice"))
                .secret();
        otherToken = accounts.issueToken("nosy@example.org", "tests", List.of("practice"))
                .secret();
    }

    private HttpResponse<String> api(String method, String path, String body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private JsonNode startDaily() {
        return json(
                api("POST", "/api/practice/attempts", "{\"kind\": \"daily\", \"date\": \"2024-02-26\"}", token), 201);
    }

    @Test
    void theDailyQuizOfTheSeedScoresTwoForDAndMinusTwoThirdsForA() {
        JsonNode attempt = startDaily();
        assertThat(attempt.get("deadline").asString()).isNotBlank();
        JsonNode q = attempt.get("questions").get(0);
        assertThat(q.get("stem").asString()).contains("NOT a current member");
        assertThat(q.get("type").asString()).isEqualTo("single");
        assertThat(q.get("options")).hasSize(4);
        assertThat(attempt.toString())
                .as("never the key before submission")
                .doesNotContain("\"answer\"", "Explanation");
        long id = attempt.get("id").asLong();
        long question = q.get("id").asLong();

        json(
                api(
                        "PUT",
                        "/api/practice/attempts/" + id + "/answers/" + question,
                        "{\"choice\": \"D\", \"confidence\": \"sure\"}",
                        token),
                200);
        JsonNode right = json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200);
        assertThat(right.get("score").asString()).isEqualTo("2");
        assertThat(right.get("scoreFraction").asString()).isEqualTo("2");
        assertThat(right.get("right").asInt()).isEqualTo(1);
        assertThat(right.get("questions").get(0).get("answer").asString()).isEqualTo("D");
        assertThat(right.get("questions").get(0).get("correct").asBoolean()).isTrue();
        assertThat(right.get("questions").get(0).get("explanation").asString()).isNotBlank();
        assertThat(right.get("questions").get(0).get("article").asString()).startsWith("/articles/2024-02-26/");

        JsonNode second = startDaily();
        long id2 = second.get("id").asLong();
        json(api("PUT", "/api/practice/attempts/" + id2 + "/answers/" + question, "{\"choice\": \"a\"}", token), 200);
        JsonNode wrong = json(api("POST", "/api/practice/attempts/" + id2 + "/submit", null, token), 200);
        assertThat(wrong.get("score").asString()).isEqualTo("-0.67");
        assertThat(wrong.get("scoreFraction").asString()).isEqualTo("-2/3");
        assertThat(wrong.get("wrong").asInt()).isEqualTo(1);
        assertThat(json(api("GET", "/api/practice/attempts/" + id2, null, token), 200)
                        .get("score")
                        .asString())
                .isEqualTo("-0.67");
    }

    @Test
    void aShuffledCustomTestMovesPlainOptionsAndMarksTheAnswerByItsText() {
        boolean moved = false;
        for (int round = 0; round < 12 && !moved; round++) {
            JsonNode attempt = json(
                    api(
                            "POST",
                            "/api/practice/attempts",
                            "{\"kind\": \"custom\", \"count\": 1, \"shuffle\": true, \"from\": \"2024-02-26\", \"to\": \"2024-02-26\"}",
                            token),
                    201);
            JsonNode q = attempt.get("questions").get(0);
            List<String> labels = new ArrayList<>();
            String uzbekistan = null;
            for (JsonNode o : q.get("options")) {
                labels.add(o.get("label").asString());
                if (o.get("text").asString().contains("Uzbekistan")) {
                    uzbekistan = o.get("label").asString();
                }
            }
            assertThat(labels).as("labels stay in order").containsExactly("A", "B", "C", "D");
            moved = !"D".equals(uzbekistan);
            long id = attempt.get("id").asLong();
            json(
                    api(
                            "PUT",
                            "/api/practice/attempts/" + id + "/answers/"
                                    + q.get("id").asLong(),
                            "{\"choice\": \"" + uzbekistan + "\"}",
                            token),
                    200);
            JsonNode result = json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200);
            assertThat(result.get("score").asString())
                    .as("the answer is its text, wherever it stood")
                    .isEqualTo("2");
            assertThat(result.get("questions").get(0).get("answer").asString()).isEqualTo(uzbekistan);
        }
        assertThat(moved).as("in twelve shuffles the key moved at least once").isTrue();
    }

    @Test
    void aSubmittedAttemptTakesNoMoreAnswersNorASecondSubmission() {
        JsonNode attempt = startDaily();
        long id = attempt.get("id").asLong();
        long question = attempt.get("questions").get(0).get("id").asLong();
        json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200);
        JsonNode again = json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 409);
        assertThat(again.get("error").asString()).contains("already submitted");
        JsonNode late = json(
                api("PUT", "/api/practice/attempts/" + id + "/answers/" + question, "{\"choice\": \"D\"}", token), 409);
        assertThat(late.get("error").asString()).contains("submitted");
        assertThat(json(api("GET", "/api/practice/attempts/" + id, null, token), 200)
                        .get("unanswered")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void unknownAndOtherLearnersAttemptsAre404AndMalformedBodies400WithTheField() {
        long id = startDaily().get("id").asLong();
        assertThat(api("GET", "/api/practice/attempts/" + id, null, otherToken).statusCode())
                .isEqualTo(404);
        assertThat(api("GET", "/api/practice/attempts/99999999", null, token).statusCode())
                .isEqualTo(404);
        assertThat(api("PUT", "/api/practice/attempts/" + id + "/answers/99999999", "{\"choice\": \"D\"}", token)
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(
                                api(
                                        "POST",
                                        "/api/practice/attempts",
                                        "{\"kind\": \"daily\", \"date\": \"26/02/2024\"}",
                                        token),
                                400)
                        .get("field")
                        .asString())
                .isEqualTo("date");
        assertThat(json(api("POST", "/api/practice/attempts", "{\"kind\": \"weekly\"}", token), 400)
                        .get("field")
                        .asString())
                .isEqualTo("kind");
        assertThat(api("POST", "/api/practice/attempts", "{not json", token).statusCode())
                .isEqualTo(400);
        long question = questions.publishedOn(LocalDate.of(2024, 2, 26)).get(0).id();
        assertThat(json(
                                api(
                                        "PUT",
                                        "/api/practice/attempts/" + id + "/answers/" + question,
                                        "{\"choice\": \"Z\"}",
                                        token),
                                400)
                        .get("field")
                        .asString())
                .isEqualTo("choice");
        assertThat(json(
                                api(
                                        "PUT",
                                        "/api/practice/attempts/" + id + "/answers/" + question,
                                        "{\"choice\": \"D\", \"confidence\": \"very\"}",
                                        token),
                                400)
                        .get("field")
                        .asString())
                .isEqualTo("confidence");
        assertThat(api("GET", "/api/practice/attempts/" + id, null, "alm_made-up")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void whenTheTimeRunsOutTheSweepSubmitsOnceAndLaterAnswersAreRefused() {
        JsonNode attempt = startDaily();
        long id = attempt.get("id").asLong();
        long question = attempt.get("questions").get(0).get("id").asLong();
        json(api("PUT", "/api/practice/attempts/" + id + "/answers/" + question, "{\"choice\": \"D\"}", token), 200);
        clock.advance(Duration.ofMinutes(3));
        assertThat(practice.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(practice.sweep()).as("exactly once").isZero();
        JsonNode result = json(api("GET", "/api/practice/attempts/" + id, null, token), 200);
        assertThat(result.get("submittedBy").asString()).isEqualTo("timeout");
        assertThat(result.get("score").asString())
                .as("answers saved before the deadline count")
                .isEqualTo("2");
        assertThat(json(
                                api(
                                        "PUT",
                                        "/api/practice/attempts/" + id + "/answers/" + question,
                                        "{\"choice\": \"A\"}",
                                        token),
                                409)
                        .get("error")
                        .asString())
                .contains("submitted");
    }

    @Test
    void aCorrectedKeyOrADroppedQuestionReMarksEveryAttemptHoldingIt() {
        JsonNode attempt = startDaily();
        long id = attempt.get("id").asLong();
        long question = attempt.get("questions").get(0).get("id").asLong();
        json(api("PUT", "/api/practice/attempts/" + id + "/answers/" + question, "{\"choice\": \"B\"}", token), 200);
        assertThat(json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200)
                        .get("score")
                        .asString())
                .isEqualTo("-0.67");

        var article = articles.findPublished(
                        questions.byId(question).orElseThrow().source().articleId())
                .orElseThrow();
        var content = article.content();
        List<Question> fixed = new ArrayList<>(content.questions());
        Question q = fixed.get(0);
        fixed.set(0, new Question(q.stem(), q.statements(), q.pairs(), q.options(), List.of("B"), q.explanation()));
        writer.revise(
                article.id(),
                article.revision(),
                copyWithQuestions(content, fixed),
                new Edit("editor@example.org", "save", "key"));
        JsonNode remarked = json(api("GET", "/api/practice/attempts/" + id, null, token), 200);
        assertThat(remarked.get("score").asString())
                .as("the key was corrected to B")
                .isEqualTo("2");

        writer.setDropped(question, true, new Edit("editor@example.org", "drop", "ambiguous"));
        JsonNode dropped = json(api("GET", "/api/practice/attempts/" + id, null, token), 200);
        assertThat(dropped.get("score").asString()).isEqualTo("0");
        assertThat(dropped.get("questions").get(0).get("dropped").asBoolean()).isTrue();
        writer.setDropped(question, false, new Edit("editor@example.org", "undrop", null));
        var restored = articles.findPublished(article.id()).orElseThrow();
        List<Question> back = new ArrayList<>(restored.content().questions());
        back.set(0, q);
        writer.revise(
                restored.id(),
                restored.revision(),
                copyWithQuestions(restored.content(), back),
                new Edit("editor@example.org", "save", "back"));
    }

    private static app.almanac.article.ArticleContent copyWithQuestions(
            app.almanac.article.ArticleContent c, List<Question> qs) {
        return new app.almanac.article.ArticleContent(
                c.title(),
                c.date(),
                c.publisher(),
                c.series(),
                c.category(),
                c.syllabus(),
                c.tags(),
                c.context(),
                c.credits(),
                c.sections(),
                qs);
    }

    @Test
    void aVisitorTakesTheDailyQuizWithoutJavaScriptAndSigningInAdoptsIt() {
        TestSession visitor = new TestSession(port);
        var daily = Jsoup.parse(visitor.get("/practice/daily/2024-02-26").body());
        assertThat(daily.select("h1").text()).contains("Daily quiz");
        HttpResponse<String> started =
                visitor.post("/practice/attempts", Map.of("kind", "daily", "date", "2024-02-26"));
        assertThat(started.statusCode()).isEqualTo(302);
        String path = started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        var page = Jsoup.parse(visitor.get(path).body());
        assertThat(page.select(".question .stem").text()).contains("NOT a current member");
        assertThat(page.select("#palette a")).hasSize(1);
        String question = page.select("input[name=question]").val();

        assertThat(visitor.post(
                                path + "/answers",
                                Map.of("question", question, "choice", "D", "confidence", "sure", "action", "save"))
                        .statusCode())
                .isEqualTo(302);
        var reloaded = Jsoup.parse(visitor.get(path).body());
        assertThat(reloaded.select("input[name=choice][value=D]").attr("checked"))
                .as("kept across a reload")
                .isNotNull();
        assertThat(reloaded.select("input[name=choice][checked]").val()).isEqualTo("D");
        assertThat(reloaded.select("#palette a.answered")).hasSize(1);

        // htmx saves as the option is chosen and gets the palette back
        HttpResponse<String> htmx = visitor.post(
                path + "/answers", Map.of("question", question, "choice", "A", "action", "save"), "HX-Request", "true");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(htmx.body()).select("#palette a.answered")).hasSize(1);
        visitor.post(path + "/answers", Map.of("question", question, "choice", "D", "action", "save"));

        assertThat(visitor.post(path + "/submit", Map.of()).statusCode()).isEqualTo(302);
        var result = Jsoup.parse(visitor.get(path + "/result").body());
        assertThat(result.select("#score").text()).isEqualTo("2");
        assertThat(result.select(".explanation").text()).isNotBlank();
        assertThat(result.select(".review .meta a").attr("href")).startsWith("/articles/2024-02-26/");
        assertThat(visitor.post(path + "/submit", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/result?again");

        assertThat(new TestSession(port).get(path).statusCode())
                .as("another visitor")
                .isEqualTo(404);

        accounts.add("test", "adopter@example.org", "A", PASSWORD, Role.LEARNER);
        visitor.signIn("adopter@example.org", PASSWORD);
        var history = Jsoup.parse(visitor.get("/practice/history").body());
        assertThat(history.select("ol.articles li").text()).contains("Daily quiz, 26 February 2024");
        assertThat(visitor.get(path + "/result").statusCode())
                .as("now the user's")
                .isEqualTo(200);
    }

    @Test
    void wrongAnswersLandInTheNotebookWithTheKindOfMistakeAndReportsReachTheDesk() {
        accounts.add("test", "noter@example.org", "N", PASSWORD, Role.LEARNER);
        accounts.add("test", "fixer@example.org", "F", PASSWORD, Role.EDITOR);
        String noter = accounts.issueToken("noter@example.org", "tests", List.of("practice"))
                .secret();
        JsonNode attempt = json(
                api("POST", "/api/practice/attempts", "{\"kind\": \"daily\", \"date\": \"2024-02-26\"}", noter), 201);
        long id = attempt.get("id").asLong();
        long question = attempt.get("questions").get(0).get("id").asLong();
        json(api("PUT", "/api/practice/attempts/" + id + "/answers/" + question, "{\"choice\": \"D\"}", noter), 200);
        json(
                api(
                        "PUT",
                        "/api/practice/attempts/" + id + "/answers/" + question,
                        "{\"choice\": \"B\", \"confidence\": \"sure\"}",
                        noter),
                200);
        json(api("POST", "/api/practice/attempts/" + id + "/submit", null, noter), 200);

        TestSession learner = TestSession.signedIn(port, "noter@example.org", PASSWORD);
        var book = Jsoup.parse(learner.get("/practice/notebook").body());
        assertThat(book.select("ol.notebook li.question")).hasSize(1);
        assertThat(book.select("ol.notebook .answer").text()).contains("answered sure, and wrong");
        assertThat(learner.post("/practice/attempts", Map.of("kind", "mistakes"))
                        .statusCode())
                .as("a retake of the notebook")
                .isEqualTo(302);
        learner.post("/practice/notebook/" + question + "/remove", Map.of());
        assertThat(Jsoup.parse(learner.get("/practice/notebook").body()).select("ol.notebook li"))
                .isEmpty();
        learner.post("/practice/notebook/" + question + "/flag", Map.of("back", "https://evil.example/"));
        var flagged = Jsoup.parse(learner.get("/practice/notebook").body());
        assertThat(flagged.select("ol.notebook li.question")).hasSize(1);

        HttpResponse<String> reported = learner.post(
                "/practice/questions/" + question + "/report",
                Map.of(
                        "kind",
                        "ambiguous",
                        "note",
                        "Both C and D read as members",
                        "back",
                        "/practice/attempts/" + id + "/result"));
        assertThat(reported.headers().firstValue("Location").orElse("")).endsWith("/result?reported");
        assertThat(learner.post("/practice/questions/" + question + "/report", Map.of("kind", "rude"))
                        .statusCode())
                .isEqualTo(400);

        TestSession editor = TestSession.signedIn(port, "fixer@example.org", PASSWORD);
        var queue = Jsoup.parse(editor.get("/desk/reports").body());
        assertThat(queue.select("ol.review li").text()).contains("ambiguous", "Both C and D read as members");
        long report =
                Long.parseLong(queue.select("ol.review form").attr("action").replaceAll("\\D+", ""));
        assertThat(editor.post(
                                "/desk/reports/" + report,
                                Map.of("question", String.valueOf(question), "action", "dismissed"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(Jsoup.parse(editor.get("/desk/reports").body()).select("ol.review li"))
                .isEmpty();
        assertThat(learner.get("/desk/reports").statusCode()).as("editors only").isEqualTo(403);
    }

    @Test
    void everyPracticePageIsValidHtml() {
        TestSession visitor = new TestSession(port);
        String attempt = visitor.post("/practice/attempts", Map.of("kind", "daily", "date", "2024-02-26"))
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll("^https?://[^/]+", "");
        String question = Jsoup.parse(visitor.get(attempt).body())
                .select("input[name=question]")
                .val();
        visitor.post(attempt + "/answers", Map.of("question", question, "choice", "B", "confidence", "guess"));
        for (String path : List.of("/practice", "/practice/daily/2024-02-26", attempt, "/practice/history")) {
            assertThat(Html5Validator.errors(visitor.get(path).body())).as(path).isEmpty();
        }
        visitor.post(attempt + "/submit", Map.of());
        assertThat(Html5Validator.errors(visitor.get(attempt + "/result").body()))
                .as("result")
                .isEmpty();
    }

    @Test
    void theBankListsQuestionsWithTheirTypeAndCounts() {
        var bank =
                Jsoup.parse(new TestSession(port).get("/practice?type=single").body());
        assertThat(bank.select("#bank-count").text()).contains("1 question");
        assertThat(bank.select("ol.bank li").text()).contains("Single answer", "NOT a current member");
        assertThat(Jsoup.parse(new TestSession(port).get("/practice?type=match").body())
                        .select("ol.bank li"))
                .isEmpty();
        HttpResponse<String> empty = new TestSession(port).get("/practice/daily/2023-01-01");
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(empty.body())
                        .select("main a[href^=/practice/daily/]")
                        .attr("href"))
                .as("a day without a quiz offers the latest one")
                .isEqualTo("/practice/daily/2024-02-26");
    }
}
