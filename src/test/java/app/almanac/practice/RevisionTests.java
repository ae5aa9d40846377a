package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.MutableClock;
import app.almanac.TestArticles;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
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

/** Revision over HTTP: what enters it, the due queue as a quiz and as JSON, the exam date, and the dashboard. */
@AlmanacTest
class RevisionTests {

    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleWriter writer;

    @Autowired
    Revision revision;

    @Autowired
    MutableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void seed() {
        List<Question> qs = new ArrayList<>();
        String[] rivers = {"Godavari", "Krishna", "Kaveri", "Mahanadi", "Narmada"};
        for (String river : rivers) {
            qs.add(new Question(
                    "Into which sea does the " + river + " flow?",
                    List.of(
                            new Question.Option("A", "The Arabian Sea"),
                            new Question.Option("B", "The Bay of Bengal"),
                            new Question.Option("C", "The Andaman Sea"),
                            new Question.Option("D", "The Laccadive Sea")),
                    List.of(river.equals("Narmada") ? "A" : "B"),
                    "Most peninsular rivers flow east; the Narmada flows west."));
        }
        writer.save(TestArticles.article("Peninsular rivers and their deltas")
                .on(DAY)
                .syllabus(List.of("GS-I"))
                .questions(qs)
                .build());
    }

    private String learner(String email) {
        accounts.add("test", email, "L", PASSWORD, Role.LEARNER);
        return accounts.issueToken(email, "tests", List.of("practice")).secret();
    }

    private HttpResponse<String> api(String method, String path, String body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Takes the day's quiz, answering question i with answers[i] ("B sure", "A guess", "" for none). */
    private long take(String kind, String token, String... answers) {
        String body = kind.equals("daily")
                ? "{\"kind\": \"daily\", \"date\": \"" + DAY + "\"}"
                : "{\"kind\": \"" + kind + "\"}";
        JsonNode attempt = json(api("POST", "/api/practice/attempts", body, token), 201);
        long id = attempt.get("id").asLong();
        JsonNode questions = attempt.get("questions");
        for (int i = 0; i < answers.length && i < questions.size(); i++) {
            if (answers[i].isEmpty()) {
                continue;
            }
            String[] parts = answers[i].split(" ");
            String confidence = parts.length > 1 ? ", \"confidence\": \"" + parts[1] + "\"" : "";
            json(
                    api(
                            "PUT",
                            "/api/practice/attempts/" + id + "/answers/"
                                    + questions.get(i).get("id").asLong(),
                            "{\"choice\": \"" + parts[0] + "\"" + confidence + "}",
                            token),
                    200);
        }
        json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200);
        return id;
    }

    private JsonNode due(String token) {
        return json(api("GET", "/api/practice/reviews/due", null, token), 200);
    }

    @Test
    void wrongGuessedAndFiftyFiftyAnswersEnterRevisionAndASureRightOneDoesNot() {
        String token = learner("enters@example.org");
        // B right sure, A wrong, B right but a guess, B right at 50-50, Narmada A right with no confidence
        take("daily", token, "B sure", "A", "B guess", "B 50-50", "A");
        assertThat(due(token).get("count").asInt())
                .as("nothing is due the same day")
                .isZero();

        clock.advance(Duration.ofDays(1));
        JsonNode tomorrow = due(token);
        List<String> reasons = new ArrayList<>();
        tomorrow.get("items").forEach(i -> reasons.add(i.get("reason").asString()));
        assertThat(reasons)
                .as("a wrong answer and a right guess come back the next day")
                .contains("wrong", "guess");
        assertThat(reasons).doesNotContain("flagged");
        JsonNode first = tomorrow.get("items").get(0);
        assertThat(first.get("recallToday").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("paper").asString()).isEqualTo("GS-I");
        assertThat(first.get("recallOnExamDay").isNull()).as("no exam date yet").isTrue();

        clock.advance(Duration.ofDays(10));
        assertThat(due(token).get("count").asInt())
                .as("after ten days, the wrong, the guess and the 50-50 are due; the sure right one never entered")
                .isEqualTo(3);
    }

    @Test
    void theDueQueueIsAQuizAndARightAnswerSendsTheCardFurtherAway() {
        String token = learner("reviser@example.org");
        take("daily", token, "A", "A"); // two wrong
        clock.advance(Duration.ofDays(1));
        assertThat(due(token).get("count").asInt()).isEqualTo(2);
        JsonNode attempt = json(api("POST", "/api/practice/attempts", "{\"kind\": \"review\"}", token), 201);
        assertThat(attempt.get("questions")).hasSize(2);
        long id = attempt.get("id").asLong();
        for (JsonNode q : attempt.get("questions")) {
            json(
                    api(
                            "PUT",
                            "/api/practice/attempts/" + id + "/answers/"
                                    + q.get("id").asLong(),
                            "{\"choice\": \"B\", \"confidence\": \"sure\"}",
                            token),
                    200);
        }
        json(api("POST", "/api/practice/attempts/" + id + "/submit", null, token), 200);
        assertThat(due(token).get("count").asInt()).as("both reviewed, right").isZero();
        assertThat(json(api("POST", "/api/practice/attempts", "{\"kind\": \"review\"}", token), 400)
                        .get("error")
                        .asString())
                .contains("Nothing is due");
    }

    @Test
    void anExamDatePullsEveryCardInBeforeItAndTheDashboardShowsIt() {
        String email = "exam@example.org";
        String token = learner(email);
        take("daily", token, "A", "A", "A", "A", "A guess");
        TestSession session = TestSession.signedIn(port, email, PASSWORD);
        LocalDate today = revision.today();
        LocalDate exam = today.plusDays(20);

        HttpResponse<String> bad = session.post("/me/exam", Map.of("examDate", "next May", "budget", "20"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("[role=alert]").text()).contains("next May");
        assertThat(session.post(
                                "/me/exam",
                                Map.of("examDate", today.minusDays(1).toString()))
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> saved =
                session.post("/me/exam", Map.of("examDate", exam.toString(), "budget", "20", "back", "/me/progress"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/me/progress?saved");

        clock.advance(Duration.ofDays(19));
        JsonNode due = due(token);
        assertThat(due.get("examDate").asString()).isEqualTo(exam.toString());
        assertThat(due.get("count").asInt())
                .as("every card is due by the day before the exam")
                .isEqualTo(5);
        assertThat(due.get("items").get(0).get("recallOnExamDay").asDouble()).isBetween(0.0, 1.0);

        HttpResponse<String> page = session.get("/me/progress");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Html5Validator.errors(page.body())).as("/me/progress").isEmpty();
        var doc = Jsoup.parse(page.body());
        assertThat(doc.select("svg.chart")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(doc.select("svg.chart title")).isNotEmpty();
        assertThat(doc.select("#score-heading").text()).contains("exam day");
        assertThat(doc.text()).contains("5 answers in all", "20%").contains("of 200");
        assertThat(doc.select("input[name=examDate]").val()).isEqualTo(exam.toString());

        var review = Jsoup.parse(session.get("/practice/review").body());
        assertThat(review.select("table.data tbody tr")).hasSize(5);
        assertThat(review.select("form[action=/practice/attempts] input[name=kind]")
                        .val())
                .isEqualTo("review");
    }

    @Test
    void revisionIsOnlyForItsOwnLearner() {
        assertThat(api("GET", "/api/practice/reviews/due", null, null).statusCode())
                .isEqualTo(401);
        TestSession visitor = new TestSession(port);
        assertThat(visitor.get("/me/progress").statusCode())
                .as("the dashboard needs a sign-in")
                .isEqualTo(302);
        assertThat(Jsoup.parse(visitor.get("/practice/review").body()).text()).contains("Sign in to revise");
        assertThat(visitor.post("/me/exam", Map.of("examDate", "2030-01-01")).statusCode())
                .isIn(302, 401, 403);

        String mine = learner("owner@example.org");
        String other = learner("other@example.org");
        take("daily", mine, "A");
        clock.advance(Duration.ofDays(1));
        assertThat(due(mine).get("count").asInt()).isEqualTo(1);
        assertThat(due(other).get("count").asInt()).isZero();
    }

    @Test
    void aReviewIsGradedFromCorrectnessConfidenceAndTime() {
        assertThat(Revision.grade(Marking.Outcome.WRONG, Confidence.SURE, 10)).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, Confidence.GUESS, 10)).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, Confidence.FIFTY_FIFTY, 10))
                .isEqualTo(Fsrs.Rating.HARD);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, null, 200)).isEqualTo(Fsrs.Rating.HARD);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, Confidence.SURE, 20)).isEqualTo(Fsrs.Rating.EASY);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, Confidence.SURE, 0))
                .as("an unknown time is not fast")
                .isEqualTo(Fsrs.Rating.GOOD);
        assertThat(Revision.grade(Marking.Outcome.RIGHT, Confidence.SURE, 60)).isEqualTo(Fsrs.Rating.GOOD);
        assertThat(Revision.grade(Marking.Outcome.BLANK, null, 0)).isNull();
    }
}
