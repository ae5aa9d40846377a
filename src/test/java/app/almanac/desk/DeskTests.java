package app.almanac.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.almanac.AlmanacTest;
import app.almanac.MutableClock;
import app.almanac.TestArticles;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.Article;
import app.almanac.article.ArticleContent;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.article.EditorialException;
import app.almanac.article.EditorialService;
import app.almanac.article.SaveResult;
import app.almanac.article.Status;
import app.almanac.search.SearchQuery;
import app.almanac.search.SearchService;
import app.almanac.web.Html5Validator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The editorial desk over real HTTP: paste, edit, conflict, questions, workflow, history, the API. */
@AlmanacTest
class DeskTests {

    @Autowired
    MutableClock clock;

    @Autowired
    ArticleWriter writer;

    static final String PASSWORD = "correct horse battery";

    /** A publisher-style page, in our own words. */
    static String pasted(String title) {
        return """
                Daily News Analysis
                %s
                4th March, 2025 Environment

                Context: The state cabinet approved a plan to restore three wetlands along the river delta.

                Key points

                  • The plan funds dredging of silted channels and the removal of invasive water hyacinth.
                  • Fishing cooperatives will be paid to monitor bird counts each winter.

                Practice question

                Q1. Consider the following about the wetland plan:
                (a) It funds dredging only
                (b) It funds dredging and monitoring
                (c) It funds neither
                (d) It was rejected

                Answer: (b)

                Explanation: The plan pays for both the dredging and the monitoring.
                """.formatted(title);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    EditorialService editorial;

    @Autowired
    SearchService search;

    @Autowired
    JdbcClient jdbc;

    TestSession editor;
    TestSession otherEditor;

    @BeforeAll
    void users() {
        accounts.add("test", "eda@example.org", "Eda", PASSWORD, Role.EDITOR);
        accounts.add("test", "ed2@example.org", "Ed", PASSWORD, Role.EDITOR);
        accounts.add("test", "lena@example.org", "Lena", PASSWORD, Role.LEARNER);
        editor = TestSession.signedIn(port, "eda@example.org", PASSWORD);
        otherEditor = TestSession.signedIn(port, "ed2@example.org", PASSWORD);
    }

    private long paste(String title) {
        HttpResponse<String> made = editor.post("/desk/new", Map.of("text", pasted(title)));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        return TestSession.redirectedId(made);
    }

    private Document page(TestSession session, String path) {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void aPastedTextWithNoDateAsksForOneAndTheDraftGetsTheDayGiven() {
        String undated = """
                Focus: GS3.
                Wetland city accreditation widened
                Context: Three more Indian cities were accredited as wetland cities under the Ramsar Convention.
                Details
                • Accreditation recognises cities that protect their urban wetlands.
                """;
        HttpResponse<String> asked = editor.post("/desk/new", Map.of("text", undated));
        assertThat(asked.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(asked.body()).select(".problem").text())
                .contains("gives no publication date", "Date field");
        assertThat(Jsoup.parse(asked.body()).select("#text").text()).contains("Wetland city accreditation widened");
        HttpResponse<String> made = editor.post("/desk/new", Map.of("text", undated, "date", "2025-01-24"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        assertThat(page(editor, "/desk/articles/" + TestSession.redirectedId(made))
                        .text())
                .contains("Wetland city accreditation widened");
        assertThat(editorial.find(TestSession.redirectedId(made)).content().date())
                .isEqualTo(java.time.LocalDate.of(2025, 1, 24));
    }

    @Test
    void explainShowsHowEachLineOfAPasteIsReadAndStoresNothing() {
        int before = editorial.counts().get(Status.DRAFT);
        HttpResponse<String> explained =
                editor.post("/desk/new", Map.of("text", pasted("Delta wetlands explained"), "action", "explain"));
        assertThat(explained.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(explained.body());
        assertThat(page.select("table.explained tr:contains(Delta wetlands explained)")
                        .text())
                .contains("title");
        assertThat(page.select("table.explained tr:contains(4th March, 2025)").text())
                .contains("date and category");
        assertThat(page.select("table.explained tr:contains(Key points)").text())
                .contains("heading");
        assertThat(page.select("table.explained tr:contains(Answer: (b))").text())
                .contains("question 1: answer B");
        assertThat(page.select("#text").text()).contains("Delta wetlands explained");
        assertThat(editorial.counts().get(Status.DRAFT)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aPasteTheReaderIsUnsureOfIsShownForReviewBeforeItsDraftsAreMade() {
        String unanswered = pasted("Unanswered wetland question")
                .replace("Answer: (b)\n\n", "")
                .replace("Explanation: The plan pays for both the dredging and the monitoring.\n", "");
        int before = editorial.counts().get(Status.DRAFT);
        HttpResponse<String> review = editor.post("/desk/new", Map.of("text", unanswered));
        assertThat(review.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(review.body());
        assertThat(page.select("#unsure").text()).contains("question 1 gives no answer");
        assertThat(page.select("table.explained tr.unsure").text()).contains("Q1. Consider the following");
        assertThat(page.select("button[value=create]").text()).isEqualTo("Make drafts anyway");
        assertThat(editorial.counts().get(Status.DRAFT)).isEqualTo(before);

        HttpResponse<String> made =
                editor.post("/desk/new", Map.of("text", unanswered, "confirmed", "yes", "action", "create"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        assertThat(editorial.counts().get(Status.DRAFT)).isEqualTo(before + 1);
    }

    @Test
    void aPasteOverTheStatedLimitIsRefusedByTheDeskWithTheTextKeptNeverCutOffByTheServer() {
        Document form = page(editor, "/desk/new");
        assertThat(form.select("#text-limit").text()).contains(DeskPages.MAX_TEXT_STATED);
        // three UTF-8 bytes a character, nine URL-encoded: 9 MB of form, past the server's old 2 MiB limit
        String tooLong = "₹".repeat(DeskPages.MAX_TEXT + 1);
        HttpResponse<String> refused = editor.post("/desk/new", Map.of("text", tooLong));
        assertThat(refused.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".problem").text()).contains("1,000,001 characters", DeskPages.MAX_TEXT_STATED);
        assertThat(page.select("textarea#text").text()).hasSize(tooLong.length());

        String atTheLimit = pasted("Rupee symbol turns sixteen") + "₹".repeat(DeskPages.MAX_TEXT);
        HttpResponse<String> taken =
                editor.post("/desk/new", Map.of("text", atTheLimit.substring(0, DeskPages.MAX_TEXT)));
        assertThat(taken.statusCode())
                .as("a text at the limit reaches the desk's parser")
                .isIn(302, 422);
    }

    @Test
    void pastedTextBecomesADraftThatReadersCannotSeeUntilItIsPublished() {
        long id = paste("Quokkaville wetlands restoration plan");
        Document edit = page(editor, "/desk/articles/" + id);
        assertThat(edit.select("main > h1").text()).isEqualTo("Quokkaville wetlands restoration plan");
        assertThat(edit.select(".kicker").text()).contains("Draft", "revision 1");
        String markdown = edit.select("textarea#markdown").text();
        assertThat(markdown).contains("title: \"Quokkaville wetlands restoration plan\"", "## Key points", "### Q1.");
        assertThat(edit.select("#preview h1").text()).isEqualTo("Quokkaville wetlands restoration plan");

        String path = "/articles/2025-03-04/quokkaville-wetlands-restoration-plan";
        TestSession reader = new TestSession(port);
        assertThat(reader.get(path).statusCode()).isEqualTo(404);
        search.catchUp();
        assertThat(search.search(new SearchQuery("Quokkaville", null, null, null, null, null, false, 1))
                        .total())
                .isZero();

        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "submit"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(page(editor, "/desk")
                        .select("#list-REVIEW ~ div, section:has(#list-REVIEW) a")
                        .eachText())
                .contains("Quokkaville wetlands restoration plan");
        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "publish"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(reader.get(path).statusCode()).isEqualTo(200);
        search.catchUp();
        assertThat(search.search(new SearchQuery("Quokkaville", null, null, null, null, null, false, 1))
                        .total())
                .isEqualTo(1);

        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "unpublish"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(reader.get(path).statusCode())
                .as("unpublished pages leave the site, cached or not")
                .isEqualTo(404);
        search.catchUp();
        assertThat(search.search(new SearchQuery("Quokkaville", null, null, null, null, null, false, 1))
                        .total())
                .isZero();
        assertThat(reader.get("/feed.atom").body()).doesNotContain("Quokkaville");
    }

    @Test
    void anEditIsARevisionWithItsAuthorAndTheHistoryComparesAndRestores() {
        long id = paste("Coastal mangrove census");
        String markdown =
                page(editor, "/desk/articles/" + id).select("textarea#markdown").text();
        HttpResponse<String> saved = editor.post(
                "/desk/articles/" + id,
                Map.of("base", "1", "action", "save", "markdown", markdown.replace("three wetlands", "four wetlands")));
        assertThat(saved.statusCode()).isEqualTo(302);
        Document edit = page(editor, "/desk/articles/" + id + "?saved");
        assertThat(edit.select(".notice").text()).contains("Saved as revision 2");
        assertThat(edit.select("#preview .context").text()).contains("four wetlands");

        Document history = page(editor, "/desk/articles/" + id + "/history");
        assertThat(history.select("tbody tr").eachText())
                .hasSize(2)
                .satisfies(rows -> assertThat(rows.get(0)).startsWith("2").contains("eda@example.org"));
        Document diff = page(editor, "/desk/articles/" + id + "/diff?from=1&to=2");
        assertThat(diff.select("table.diff del").text()).isEqualTo("three");
        assertThat(diff.select("table.diff ins").text()).isEqualTo("four");
        assertThat(diff.select("table.diff tr.change").text()).contains("three wetlands", "four wetlands");
        assertThat(diff.select("table.diff tr.fold").text()).contains("unchanged lines");

        assertThat(editor.post("/desk/articles/" + id + "/restore", Map.of("revision", "1", "base", "2"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(id).revision()).isEqualTo(3);
        assertThat(editorial.find(id).content().context()).contains("three wetlands");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action in ('desk.save', 'desk.restore') and target = :t")
                        .param("t", "article " + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aSaveBasedOnAStaleRevisionIsRefusedAndBothVersionsAreShown() {
        long id = paste("River dolphin survey");
        String markdown =
                page(editor, "/desk/articles/" + id).select("textarea#markdown").text();
        assertThat(otherEditor
                        .post(
                                "/desk/articles/" + id,
                                Map.of(
                                        "base",
                                        "1",
                                        "action",
                                        "save",
                                        "markdown",
                                        markdown.replace("bird counts", "dolphin sightings")))
                        .statusCode())
                .isEqualTo(302);

        String mine = markdown.replace("each winter", "every monsoon");
        HttpResponse<String> stale =
                editor.post("/desk/articles/" + id, Map.of("base", "1", "action", "save", "markdown", mine));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document conflict = Jsoup.parse(stale.body());
        assertThat(conflict.select("[role=alert]").text())
                .contains("changed to revision 2 while you were editing revision 1");
        assertThat(conflict.select("textarea#markdown").text())
                .as("nothing typed is lost")
                .contains("every monsoon");
        assertThat(conflict.select("input[name=base]").val()).isEqualTo("2");
        assertThat(conflict.select(".conflict table.diff").text()).contains("dolphin sightings", "every monsoon");
        assertThat(editorial.find(id).content().sections().toString())
                .contains("dolphin sightings")
                .doesNotContain("every monsoon");

        // saving again from the conflict page is a knowing overwrite of revision 2
        assertThat(editor.post("/desk/articles/" + id, Map.of("base", "2", "action", "save", "markdown", mine))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(id).revision()).isEqualTo(3);
    }

    @Test
    void markdownThatCannotBeReadIsRefusedWithTheLineAndKeptInTheEditor() {
        long id = paste("Sandbar erosion study");
        String broken = "---\ntitle: \"Sandbar erosion study\"\ndate: \"2025-02-30\"\n---\n\nSome text.\n";
        HttpResponse<String> refused =
                editor.post("/desk/articles/" + id, Map.of("base", "1", "action", "save", "markdown", broken));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[role=alert]").text()).containsIgnoringCase("date");
        assertThat(page.select("textarea#markdown").text()).isEqualTo(broken.strip());
        assertThat(editorial.find(id).revision()).isEqualTo(1);
    }

    @Test
    void previewingAnswersTheFragmentToHtmxAndTheWholePageWithoutIt() {
        long id = paste("Preview host article");
        String markdown = "---\ntitle: \"Preview me\"\ndate: \"2025-01-05\"\n---\n\n## Points\n\n- one point\n";
        Map<String, String> form = Map.of("markdown", markdown, "base", "1", "action", "preview");
        HttpResponse<String> htmx = editor.post("/desk/articles/" + id, form, "HX-Request", "true");
        Document fragment = Jsoup.parse(htmx.body());
        assertThat(fragment.select("article h1").text()).isEqualTo("Preview me");
        assertThat(fragment.select("header.site")).as("a fragment, not a page").isEmpty();
        Document problems = Jsoup.parse(editor.post(
                        "/desk/articles/" + id,
                        Map.of("markdown", "no front matter at all", "base", "1", "action", "preview"),
                        "HX-Request",
                        "true")
                .body());
        assertThat(problems.select(".problem li")).isNotEmpty();

        Document page = Jsoup.parse(editor.post("/desk/articles/" + id, form).body());
        assertThat(page.select("header.site")).as("the whole page without htmx").isNotEmpty();
        assertThat(page.select("#preview article h1").text()).isEqualTo("Preview me");
        assertThat(page.select("textarea#markdown").text()).isEqualTo(markdown.strip());
        assertThat(editorial.find(id).revision()).as("a preview saves nothing").isEqualTo(1);
    }

    @Test
    void questionsAreAddedEditedMovedAndDeletedEachAsARevision() {
        long id = paste("Floodplain zoning rules");
        String add = """
                ### Q2. Which body approves floodplain zoning in the plan?

                - A) The state cabinet
                - B) The district court
                - C) A fishing cooperative
                - D) None of these

                **Answer:** A

                **Explanation:** The cabinet approved the plan and its zoning.
                """;
        HttpResponse<String> added =
                editor.post("/desk/articles/" + id + "/questions", Map.of("base", "1", "action", "add", "text", add));
        assertThat(added.statusCode())
                .as(Jsoup.parse(added.body()).select("[role=alert]").text())
                .isEqualTo(302);
        assertThat(editorial.find(id).content().questions()).hasSize(2);
        assertThat(editorial.find(id).content().questions().get(1).answer()).containsExactly("A");

        Document page = page(editor, "/desk/articles/" + id + "/questions");
        assertThat(page.select("textarea#text-1").text()).contains("Which body approves floodplain zoning");
        assertThat(editor.post("/desk/articles/" + id + "/questions", Map.of("base", "2", "action", "up", "index", "1"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(id).content().questions().get(0).stem()).contains("floodplain zoning");

        String edited = page(editor, "/desk/articles/" + id + "/questions")
                .select("textarea#text-0")
                .text()
                .replace("**Answer:** A", "**Answer:** B");
        assertThat(editor.post(
                                "/desk/articles/" + id + "/questions",
                                Map.of("base", "3", "action", "save", "index", "0", "text", edited))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(id).content().questions().get(0).answer()).containsExactly("B");

        HttpResponse<String> bad = editor.post(
                "/desk/articles/" + id + "/questions",
                Map.of(
                        "base",
                        "4",
                        "action",
                        "save",
                        "index",
                        "0",
                        "text",
                        "### Q1. A stem\n\n- A) one\n- B) two\n\n**Answer:** Z\n"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).select("textarea#text-0").text())
                .as("kept")
                .contains("A stem");

        assertThat(editor.post(
                                "/desk/articles/" + id + "/questions",
                                Map.of("base", "4", "action", "delete", "index", "1"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(id).content().questions()).hasSize(1);
        assertThat(editorial.find(id).revision()).isEqualTo(5);
        assertThat(editor.post(
                                "/desk/articles/" + id + "/questions",
                                Map.of("base", "5", "action", "delete", "index", "7"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(editor.post(
                                "/desk/articles/" + id + "/questions",
                                Map.of("base", "1", "action", "delete", "index", "0"))
                        .statusCode())
                .as("stale")
                .isEqualTo(409);
    }

    @Test
    void aScheduledArticleIsPublishedWhenItsTimeComes() throws Exception {
        long id = paste("Monsoon forecast review");
        HttpResponse<String> past = editor.post(
                "/desk/articles/" + id + "/status", Map.of("action", "schedule", "publishAt", "2020-01-01T06:00"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("must be in the future");
        assertThat(editor.post(
                                "/desk/articles/" + id + "/status",
                                Map.of("action", "schedule", "publishAt", "tomorrow"))
                        .statusCode())
                .isEqualTo(422);

        String soon = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Kolkata"))
                .plusHours(1)
                .withNano(0)
                .toString();
        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "schedule", "publishAt", soon))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.state(id).status().name()).isEqualTo("SCHEDULED");
        assertThat(writer.publishDue()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(writer.publishDue()).isEqualTo(1);
        assertThat(editorial.state(id).status().name()).isEqualTo("PUBLISHED");
        assertThat(writer.publishDue()).as("published once").isZero();
    }

    @Test
    void aMoveTheStatusDoesNotAllowIsRefusedWith409AndChangesNothing() {
        long id = paste("Forbidden moves on the desk");
        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "unpublish"))
                        .statusCode())
                .as("a draft is not on the site")
                .isEqualTo(409);
        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "publish"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> crafted = editor.post("/desk/articles/" + id + "/status", Map.of("action", "submit"));
        assertThat(crafted.statusCode())
                .as("a crafted 'submit' must not take a published article off the site")
                .isEqualTo(409);
        assertThat(crafted.body()).contains("cannot be moved to in review");
        assertThat(editor.post("/desk/articles/" + id + "/status", Map.of("action", "publish"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(editorial.state(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(jdbc.sql("select count(*) from audit_event where target = :t and action = 'desk.submit'")
                        .param("t", "article " + id)
                        .query(Long.class)
                        .single())
                .as("a refused move is not an action taken")
                .isZero();
    }

    @Test
    void anImportThatMeetsAnEditorsNewerRevisionIsRefusedAndOverwritesNothing() {
        ArticleContent imported = TestArticles.article("Import after an edit")
                .on(LocalDate.of(2025, 3, 5))
                .publisher("Almanac Desk")
                .category("Environment")
                .context("The first import of this analysis.")
                .build();
        long id = writer.save(imported).article().id();
        Article edited = writer.revise(
                id,
                1,
                TestArticles.article(imported.title())
                        .on(imported.date())
                        .publisher(imported.publisher())
                        .category(imported.category())
                        .context("An editor corrected this line.")
                        .build(),
                Edit.by("eda@example.org", "save", null));
        assertThat(edited.revision()).isEqualTo(2);

        ArticleContent reimported = TestArticles.article(imported.title())
                .on(imported.date())
                .publisher(imported.publisher())
                .category(imported.category())
                .context("The publisher's text changed too.")
                .build();
        assertThatThrownBy(() -> writer.save(reimported))
                .isInstanceOf(EditorialException.class)
                .hasMessageContaining("changed on the desk by eda@example.org (revision 2)");
        assertThat(editorial.find(id).revision()).isEqualTo(2);
        assertThat(editorial.find(id).content().context()).isEqualTo("An editor corrected this line.");
        assertThat(writer.save(edited.content()).outcome())
                .as("the editor's own text is what is stored")
                .isEqualTo(SaveResult.Outcome.UNCHANGED);
    }

    @Test
    void anImportedPageWithNoDateWaitsOnTheDeskAndCannotBePublishedUntilAnEditorDatesIt() {
        ArticleContent undated = TestArticles.article("Undated import waits for its day")
                .on(null)
                .context("A page that named no day.")
                .build();
        Article draft = writer.save(undated).article();
        assertThat(draft.needsDate()).isTrue();
        assertThat(draft.path()).isEqualTo("/desk/articles/" + draft.id());
        assertThat(page(editor, "/desk")
                        .select("tr:contains(Undated import waits for its day)")
                        .text())
                .contains("needs a date");
        Document edit = page(editor, "/desk/articles/" + draft.id());
        assertThat(edit.select(".problem").text()).contains("gave no publication date");
        assertThat(edit.select("button[value=publish]")).isEmpty();

        HttpResponse<String> publish =
                editor.post("/desk/articles/" + draft.id() + "/status", Map.of("action", "publish"));
        assertThat(publish.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(publish.body()).select(".problem").text()).contains("has no publication date yet");
        assertThat(editorial.state(draft.id()).status()).isEqualTo(Status.DRAFT);

        String markdown = edit.select("textarea[name=markdown]").first().wholeText();
        assertThat(markdown).doesNotContain("date:");
        HttpResponse<String> undatedSave =
                editor.post("/desk/articles/" + draft.id(), Map.of("markdown", markdown, "base", "1"));
        assertThat(undatedSave.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(undatedSave.body()).select(".problem").text()).contains("no 'date:'");

        HttpResponse<String> dated = editor.post(
                "/desk/articles/" + draft.id(),
                Map.of("markdown", markdown.replaceFirst("\ntitle: ", "\ndate: 2025-02-11\ntitle: "), "base", "1"));
        assertThat(dated.statusCode()).as(dated.body()).isEqualTo(302);
        assertThat(editor.post("/desk/articles/" + draft.id() + "/status", Map.of("action", "publish"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editorial.find(draft.id()).path()).startsWith("/articles/2025-02-11/");
    }

    @Test
    void aSecondPasteOfTheSameArticleIsRefusedAndNothingIsLost() {
        paste("Estuary salinity report");
        HttpResponse<String> again = editor.post("/desk/new", Map.of("text", pasted("Estuary salinity report")));
        assertThat(again.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(again.body());
        assertThat(page.select("[role=alert]").text()).contains("already an article");
        assertThat(page.select("textarea#text").text()).contains("Estuary salinity report");
        HttpResponse<String> junk = editor.post("/desk/new", Map.of("text", "just a line"));
        assertThat(junk.statusCode()).isEqualTo(422);
    }

    @Test
    void learnersAndVisitorsCannotReachTheDesk() {
        long id = paste("Lagoon fishing ban");
        TestSession learner = TestSession.signedIn(port, "lena@example.org", PASSWORD);
        for (String path : List.of("/desk", "/desk/new", "/desk/articles/" + id, "/desk/articles/" + id + "/history")) {
            assertThat(learner.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(new TestSession(port).get(path).statusCode()).as(path).isEqualTo(302);
        }
        assertThat(learner.post("/desk/articles/" + id + "/status", Map.of("action", "publish"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editorial.state(id).status().name()).isEqualTo("DRAFT");
    }

    @Test
    void aScriptWithADeskTokenMakesDraftsThroughTheApi() {
        HttpResponse<String> issued = editor.post("/account/tokens", Map.of("name", "feed import", "scopes", "desk"));
        String secret = Jsoup.parse(issued.body()).select("code.secret").text();
        HttpResponse<String> readOnly = editor.post("/account/tokens", Map.of("name", "reader", "scopes", "read"));
        String readSecret = Jsoup.parse(readOnly.body()).select("code.secret").text();

        var client = HttpClient.newHttpClient();
        BiFunction<String, String, HttpResponse<String>> send = (token, body) -> {
            try {
                return client.send(
                        HttpRequest.newBuilder(URI.create(editor.url("/api/desk/articles")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> created = send.apply(secret, pasted("Mudflat bird sanctuary"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"title\":\"Mudflat bird sanctuary\"", "\"status\":\"draft\"");
        assertThat(send.apply(secret, "nothing here").statusCode()).isEqualTo(422);
        assertThat(send.apply(readSecret, pasted("Other")).statusCode())
                .as("token without the desk scope")
                .isEqualTo(403);
        assertThat(editor.get("/api/desk/articles").statusCode())
                .as("the API is for tokens")
                .isEqualTo(403);
    }

    @Test
    void everyDeskPageIsValidHtml() {
        long id = paste("Wetland validity check");
        String markdown =
                page(editor, "/desk/articles/" + id).select("textarea#markdown").text();
        editor.post(
                "/desk/articles/" + id,
                Map.of("base", "1", "action", "save", "markdown", markdown.replace("three", "five")));
        for (String path : List.of(
                "/desk",
                "/desk/new",
                "/desk/articles/" + id,
                "/desk/articles/" + id + "/questions",
                "/desk/articles/" + id + "/history",
                "/desk/articles/" + id + "/diff?from=1&to=2")) {
            HttpResponse<String> response = editor.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(Html5Validator.errors(response.body()))
                    .as("Nu Html Checker errors in " + path)
                    .isEmpty();
        }
        HttpResponse<String> conflict =
                editor.post("/desk/articles/" + id, Map.of("base", "1", "action", "save", "markdown", markdown));
        assertThat(Html5Validator.errors(conflict.body()))
                .as("the conflict page")
                .isEmpty();
    }

    @Test
    void theSourceOfASavedPageBecomesADraftToo() throws Exception {
        String html = Files.readString(Path.of("src/test/resources/fixtures/html/cop28-outcomes.html"));
        HttpResponse<String> made = editor.post("/desk/new", Map.of("text", html));
        assertThat(made.statusCode()).isEqualTo(302);
        long id = TestSession.redirectedId(made);
        assertThat(editorial.find(id).content().title()).isEqualTo("COP28 in Dubai: what was agreed");
        assertThat(editorial.state(id).status().name()).isEqualTo("DRAFT");
    }
}
