package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.Article;
import app.almanac.article.ArticleService;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Block;
import app.almanac.article.Section;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import app.almanac.shared.SignedInUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facts meeting content through the running application: an imported analysis is linked and its
 * fact table checked as of its date; its page links names and says what has changed since; questions
 * generated from the facts are served, stored, and played in a quiz; and changing a fact puts the
 * right questions and articles — only those — into the review queue.
 */
@AlmanacTest
class ContentFactsTests {

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDate SEED_DAY = LocalDate.of(2024, 2, 26);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FactsDataSet dataSet;

    @Autowired
    ImportService importer;

    @Autowired
    ArticleWriter writer;

    @Autowired
    ArticleService articles;

    @Autowired
    FactQuestions generated;

    @Autowired
    FactEdits edits;

    @Autowired
    FactsService facts;

    @Autowired
    ReviewQueue queue;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    private Article seed;
    private Article river;
    private String deskToken;
    private String practiceToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void seed() {
        assertThat(dataSet.load("test").problems()).isEmpty();
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        seed = articles.findPublishedBySlug("collective-security-treaty-organisation-csto")
                .orElseThrow();
        river = writer.save(TestArticles.article("A river treaty between two neighbours")
                        .on(LocalDate.of(2024, 3, 1))
                        .sections(List.of(new Section(
                                "About the treaty",
                                List.of(new Block.Paragraph(
                                        "Kazakhstan and Kyrgyzstan agreed on the sharing of river water.")))))
                        .build())
                .article();
        accounts.add("test", "reviewer@example.org", "Reviewer", PASSWORD, Role.EDITOR);
        accounts.add("test", "student@example.org", "Student", PASSWORD, Role.LEARNER);
        deskToken = accounts.issueToken("reviewer@example.org", "tests", List.of("desk"))
                .secret();
        practiceToken = accounts.issueToken("student@example.org", "tests", List.of("practice"))
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

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private Document page(String path) {
        HttpResponse<String> response = new TestHttp(port).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static Set<String> optionTexts(JsonNode q) {
        Set<String> out = new HashSet<>();
        q.get("options").forEach(o -> out.add(o.get("text").asString()));
        return out;
    }

    private static final SignedInUser EDITOR = new SignedInUser() {
        @Override
        public long id() {
            return 0;
        }

        @Override
        public String displayName() {
            return "fact editor";
        }
    };

    @Test
    void theArticleLinksTheNamesItMentionsOnceEachAndTheEntityPageListsIt() {
        Document article = page(seed.path());
        assertThat(article.select("a.entity[href=/facts/csto]")).hasSize(1);
        assertThat(article.select("a.entity[href=/facts/armenia]")).hasSize(1);
        assertThat(article.select("a.entity[href=/facts/uzbekistan]")).hasSize(1);
        assertThat(article.select("a.entity").eachAttr("href")).doesNotHaveDuplicates();
        assertThat(page("/facts/csto").select("ul.analyses a").eachAttr("href")).containsExactly(seed.path());
        assertThat(page("/facts/kyrgyzstan").select("ul.analyses a").eachAttr("href"))
                .containsExactlyInAnyOrder(seed.path(), river.path());
    }

    @Test
    void theSeedsTableChecksCleanThroughTheApi() {
        JsonNode checks = json(new TestHttp(port).get("/api/articles/" + seed.slug() + "/checks"), 200);
        assertThat(checks.get("asOf").asString()).isEqualTo("2024-02-26");
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        checks.get("rows").forEach(r -> rows.put(r.get("label").asString(), r));
        for (String label : List.of("Founding Members", "Year Founded", "Current Members", "Headquarters")) {
            assertThat(rows.get(label).get("verdict").asString()).as(label).isEqualTo("verified");
            assertThat(rows.get(label).get("facts")).as(label).isNotEmpty();
            assertThat(rows.get(label).get("sources")).as(label).isNotEmpty();
            assertThat(rows.get(label).get("detail").asString()).isNotBlank();
        }
        assertThat(rows.get("Main Goals").get("verdict").asString()).isEqualTo("unchecked");
        assertThat(new TestHttp(port)
                        .get("/api/articles/no-such-analysis/checks")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theGeneratorServesTheSeedsQuestionAsOfItsDate() {
        JsonNode bank = json(new TestHttp(port).get("/api/facts/questions?entity=CSTO&asOf=2024-02-26"), 200);
        assertThat(bank.get("title").asString()).contains("Collective Security Treaty Organization");
        JsonNode seedQuestion = null;
        for (JsonNode q : bank.get("questions")) {
            assertThat(q.get("options")).hasSize(4);
            assertThat(q.get("answer")).hasSize(1);
            assertThat(q.get("explanation").asString()).contains("Sources: ");
            assertThat(q.get("generated").get("sources")).isNotEmpty();
            if (optionTexts(q).equals(Set.of("Tajikistan", "Belarus", "Kazakhstan", "Uzbekistan"))
                    && q.get("generated").get("template").asString().equals("not-a-member")) {
                seedQuestion = q;
            }
        }
        assertThat(seedQuestion).as("the seed's question").isNotNull();
        String key = seedQuestion.get("answer").get(0).asString();
        String keyed = null;
        for (JsonNode o : seedQuestion.get("options")) {
            if (o.get("label").asString().equals(key)) {
                keyed = o.get("text").asString();
            }
        }
        assertThat(keyed).isEqualTo("Uzbekistan");
        assertThat(seedQuestion.get("generated").get("template").asString()).isEqualTo("not-a-member");
        assertThat(seedQuestion.get("generated").get("asOf").asString()).isEqualTo("2024-02-26");
        assertThat(seedQuestion.get("generated").get("facts")).isNotEmpty();

        TestHttp web = new TestHttp(port);
        assertThat(web.get("/api/facts/questions?entity=CSTO&template=nonsense").statusCode())
                .isEqualTo(400);
        assertThat(web.get("/api/facts/questions?entity=CSTO&asOf=2024-02-30").statusCode())
                .isEqualTo(400);
        assertThat(web.get("/api/facts/questions?entity=CSTO&count=0").statusCode())
                .isEqualTo(400);
        assertThat(web.get("/api/facts/questions?entity=no-such-thing").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aGeneratedQuestionJoinsThePracticeBankAndPlaysInAQuiz() {
        FactQuestions.Stored stored = generated.store(generated.generate("CSTO", SEED_DAY, List.of("left"), 3));
        assertThat(stored.added()).isEqualTo(3);
        assertThat(generated
                        .store(generated.generate("CSTO", SEED_DAY, List.of("left"), 3))
                        .added())
                .as("the same questions are not added twice")
                .isZero();
        JsonNode attempt = json(
                api(
                        "POST",
                        "/api/practice/attempts",
                        "{\"kind\": \"bank\", \"bank\": \"" + stored.banks().get(0) + "\"}",
                        practiceToken),
                201);
        long id = attempt.get("id").asLong();
        JsonNode first = null;
        for (JsonNode q : attempt.get("questions")) {
            if (first == null && q.get("stem").asString().contains("had left")) {
                first = q;
            }
        }
        assertThat(first).as("a question of the bank's").isNotNull();
        String uzbekistan = null;
        for (JsonNode o : first.get("options")) {
            if (o.get("text").asString().equals("Uzbekistan")) {
                uzbekistan = o.get("label").asString();
            }
        }
        assertThat(uzbekistan).isNotNull();
        json(
                api(
                        "PUT",
                        "/api/practice/attempts/" + id + "/answers/"
                                + first.get("id").asLong(),
                        "{\"choice\": \"" + uzbekistan + "\"}",
                        practiceToken),
                200);
        JsonNode result = json(api("POST", "/api/practice/attempts/" + id + "/submit", null, practiceToken), 200);
        assertThat(result.get("right").asInt()).isEqualTo(1);
        assertThat(result.get("score").asString()).isEqualTo("2");
        assertThat(result.get("questions").get(0).get("explanation").asString()).contains("Sources: ");
    }

    @Test
    void aMemberLeavingQueuesTheQuestionsAndArticlesItOvertakesAndOnlyThose() {
        LocalDate today = LocalDate.now();
        // questions as of the seed's day, and as of today, stored before the change
        generated.store(generated.generate("CSTO", SEED_DAY, List.of("not-a-member", "statements"), 6));
        FactQuestions.Batch current = generated.generate("CSTO", today, List.of("not-a-member", "statements"), 6);
        generated.store(current);
        Set<Long> before = new HashSet<>();
        queue.items("open", 500).forEach(i -> before.add(i.id()));

        long kazakhstan = jdbc.sql("""
                        select f.id from fact f join fact_entity s on s.id = f.subject_id join fact_entity o on o.id = f.object_id
                        where s.slug = 'kazakhstan' and o.slug = 'csto' and f.predicate = 'founding-member-of'""").query(Long.class).single();
        FactEdits.Editable editable = edits.editable(kazakhstan);
        Map<String, Object> changed = new HashMap<>(FactFile.map(editable.fact().asFileFact()));
        LocalDate left = today.minusMonths(1);
        changed.put("to", left.toString());
        edits.update(kazakhstan, editable.latestChange(), changed, EDITOR);
        try {
            List<ReviewQueue.Item> added = queue.items("open", 500).stream()
                    .filter(i -> !before.contains(i.id()))
                    .toList();
            // the seed's "Current Members" row no longer holds today
            assertThat(added)
                    .filteredOn(i -> i.kind().equals("current"))
                    .singleElement()
                    .satisfies(i -> {
                        assertThat(i.articleId()).isEqualTo(seed.id());
                        assertThat(i.reason())
                                .contains("Current Members", "Kazakhstan ceased to be a member of the CSTO");
                        assertThat(i.facts()).isNotEmpty();
                    });
            // every question of today naming Kazakhstan a member, and no other
            List<Long> questionItems = added.stream()
                    .filter(i -> i.kind().equals("question"))
                    .map(ReviewQueue.Item::questionId)
                    .toList();
            assertThat(questionItems).isNotEmpty().doesNotHaveDuplicates();
            List<Long> expected = new ArrayList<>();
            for (var q : jdbc.sql("select question_id, as_of, claims from fact_question where origin = 'generated'")
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                    .list()) {
                boolean ofToday = q.get(1).equals(today);
                boolean namesKazakhstan = q.get(2)
                        .toString()
                        .contains("\"subject\":"
                                + jdbc.sql("select id from fact_entity where slug = 'kazakhstan'")
                                        .query(Long.class)
                                        .single());
                if (ofToday && namesKazakhstan) {
                    expected.add((Long) q.get(0));
                }
            }
            assertThat(questionItems).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(added).noneMatch(i -> river.id() == (i.articleId() == null ? -1 : i.articleId()));
            assertThat(added).allSatisfy(i -> assertThat(i.kind()).isIn("current", "question"));
            // the reader sees what has changed since, with its source
            assertThat(page(seed.path()).select("aside.since").text())
                    .contains("Kazakhstan ceased to be a member of the CSTO on " + FactText.day(left));
        } finally {
            edits.undo(edits.editable(kazakhstan).latestChange(), EDITOR);
        }
        assertThat(page(seed.path()).select("aside.since").text())
                .as("the note goes when the fact does")
                .doesNotContain("Kazakhstan")
                .contains("Armenia");
    }

    @Test
    void anEntityAddedLaterLinksTheArticlesThatNameIt() {
        byte[] file = """
                {"entities": [{"slug": "munich-security-conference", "name": "Munich Security Conference",
                  "kind": "organisation", "abbreviations": ["MSC"]}],
                 "facts": [{"subject": "munich-security-conference", "predicate": "founded", "from": "1963",
                   "value": "First held in Munich", "sources": [{"url": "https://example.org/msc"}]}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FactFile.Parsed parsed = FactFile.read("msc.json", file, facts.knownSlugs());
        assertThat(parsed.problems()).isEmpty();
        facts.load("msc", List.of(parsed), file, "test");
        assertThat(page("/facts/munich-security-conference")
                        .select("ul.analyses a")
                        .eachAttr("href"))
                .containsExactly(seed.path());
        assertThat(page(seed.path()).select("a.entity[href=/facts/munich-security-conference]"))
                .hasSize(1);
    }

    @Test
    void aHandWrittenQuestionWhoseKeyTheFactsContradictIsQueuedWhenSaved() {
        Article wrong = writer.save(TestArticles.article("A quiz on a security alliance")
                        .on(SEED_DAY)
                        .questions(List.of(new app.almanac.article.Question(
                                "Which of the following countries is NOT a member of the CSTO?",
                                List.of(
                                        new app.almanac.article.Question.Option("A", "Tajikistan"),
                                        new app.almanac.article.Question.Option("B", "Belarus"),
                                        new app.almanac.article.Question.Option("C", "Kazakhstan"),
                                        new app.almanac.article.Question.Option("D", "Uzbekistan")),
                                List.of("A"),
                                "Tajikistan left.")))
                        .build())
                .article();
        assertThat(queue.items("open", 500))
                .filteredOn(i -> wrong.id() == (i.articleId() == null ? -1 : i.articleId()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo("question");
                    assertThat(i.reason()).contains("keyed A", "the facts give another answer than the key");
                    assertThat(i.facts()).isNotEmpty();
                });
        // the seed's own question, keyed right, is not queued
        assertThat(queue.items("open", 500))
                .noneMatch(
                        i -> i.kind().equals("question") && seed.id() == (i.articleId() == null ? -1 : i.articleId()));
    }

    @Test
    void editorsWorkTheQueueOnTheDeskAndThroughTheApi() {
        JsonNode open = json(api("GET", "/api/desk/review", null, deskToken), 200);
        assertThat(open.get("items"))
                .as(open.toString() + " / " + queue.items("open", 10))
                .isNotEmpty();
        assertThat(api("GET", "/api/desk/review", null, practiceToken).statusCode())
                .isEqualTo(403);
        assertThat(new TestHttp(port).get("/api/desk/review").statusCode()).isIn(401, 403);
        long id = open.get("items").get(0).get("id").asLong();
        assertThat(api("POST", "/api/desk/review/" + id, "{\"resolution\": \"dismissed\"}", deskToken)
                        .statusCode())
                .as("a dismissal needs a note")
                .isEqualTo(400);
        assertThat(api("POST", "/api/desk/review/" + id, "{\"resolution\": \"shrug\"}", deskToken)
                        .statusCode())
                .isEqualTo(400);
        JsonNode dismissed = json(
                api(
                        "POST",
                        "/api/desk/review/" + id,
                        "{\"resolution\": \"dismissed\", \"note\": \"checked by hand\"}",
                        deskToken),
                200);
        assertThat(dismissed.get("status").asString()).isEqualTo("dismissed");
        assertThat(api("POST", "/api/desk/review/" + id, "{\"resolution\": \"edited\"}", deskToken)
                        .statusCode())
                .as("resolved once")
                .isEqualTo(400);

        TestSession editor = TestSession.signedIn(port, "reviewer@example.org", PASSWORD);
        HttpResponse<String> desk = editor.get("/desk/review");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(desk.body()).select("h1").text()).isEqualTo("Review queue");
        assertThat(Jsoup.parse(editor.get("/desk/review?status=dismissed").body())
                        .select("ol.review > li")
                        .text())
                .contains("checked by hand");
        assertThat(TestSession.signedIn(port, "student@example.org", PASSWORD)
                        .get("/desk/review")
                        .statusCode())
                .isEqualTo(403);
    }
}
