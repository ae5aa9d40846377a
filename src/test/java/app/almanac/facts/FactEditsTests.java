package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editors change facts on the entity page: add, correct, delete, undo (and undo an undo), each
 * recorded with who and the whole fact before and after; a bad or stale change is refused with the
 * reason and stores nothing; visitors and learners cannot change anything.
 */
@AlmanacTest
class FactEditsTests {

    private static final String PASSWORD = "correct horse battery staple";

    /** A made-up union of made-up states, so the tests do not depend on the shipped data. */
    private static final String FILE = """
            {
              "entities": [
                {"slug": "river-union", "name": "River Union", "kind": "organisation", "abbreviations": ["RU"]},
                {"slug": "ostland", "name": "Ostland", "kind": "country"},
                {"slug": "westmark", "name": "Westmark", "kind": "country"},
                {"slug": "nordia", "name": "Nordia", "kind": "country"},
                {"slug": "lake-pact", "name": "Lake Pact", "kind": "organisation"}
              ],
              "facts": [
                {"subject": "ostland", "predicate": "founding-member-of", "object": "river-union",
                 "status": "founding-member", "from": "2001-03-04",
                 "sources": [{"url": "https://example.org/ru/charter", "title": "Charter", "retrieved": "2026-11-30"}]},
                {"subject": "westmark", "predicate": "member-of", "object": "river-union",
                 "status": "member", "from": "2005-06", "to": "2019-01-01",
                 "sources": [{"url": "https://example.org/ru/westmark", "title": "Westmark joins"}]},
                {"subject": "nordia", "predicate": "member-of", "object": "lake-pact",
                 "status": "member", "from": "1999",
                 "sources": [{"url": "https://example.org/lp", "title": "Lake Pact members"}]}
              ]
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    FactsService facts;

    @Autowired
    JdbcClient jdbc;

    TestSession editor;
    TestSession learner;

    @BeforeAll
    void users() {
        accounts.add("test", "eda@example.org", "Eda", PASSWORD, Role.EDITOR);
        accounts.add("test", "lena@example.org", "Lena", PASSWORD, Role.LEARNER);
        editor = TestSession.signedIn(port, "eda@example.org", PASSWORD);
        learner = TestSession.signedIn(port, "lena@example.org", PASSWORD);
    }

    @BeforeEach
    void freshFacts() {
        for (String table : app.almanac.FreshDatabase.FACT_TABLES) {
            jdbc.sql("delete from " + table).update();
        }
        facts.forgetCopies();
        byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
        FactFile.Parsed parsed = FactFile.read("river.json", bytes, Set.of());
        assertThat(parsed.problems()).isEmpty();
        facts.load("river", List.of(parsed), bytes, "test data");
    }

    private List<String> members(String day) {
        return facts.members("river-union", LocalDate.parse(day)).members().stream()
                .map(s -> s.entity().slug())
                .toList();
    }

    /** The id of {@code subject}'s fact in the River Union. */
    private long factId(String subject) {
        return jdbc.sql("select f.id from fact f join fact_entity e on e.id = f.subject_id"
                        + " join fact_entity o on o.id = f.object_id where e.slug = :s and o.slug = 'river-union'")
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    private long factCount() {
        return jdbc.sql("select count(*) from fact").query(Long.class).single();
    }

    private Document page(TestSession session, String path) {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The form's fields as the editor's browser would send them, with {@code changes} applied. */
    private static Map<String, String> fields(Document form, Map<String, String> changes) {
        Map<String, String> out = new HashMap<>();
        Element f = form.selectFirst("form.stack");
        for (Element input : f.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            if (name.equals("_csrf")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                out.put(name, chosen == null ? input.selectFirst("option").attr("value") : chosen.attr("value"));
            } else if (input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    out.put(name, input.attr("value"));
                }
            } else if (input.tagName().equals("textarea")) {
                out.put(name, input.wholeText());
            } else {
                out.put(name, input.attr("value"));
            }
        }
        out.putAll(changes);
        return out;
    }

    private List<Element> changes(Document page) {
        return page.select("#changes tbody tr");
    }

    @Autowired
    app.almanac.shared.ChangeLog changeLog;

    @Autowired
    app.almanac.shared.ChangeLogFollower follower;

    @Autowired
    EntityDirectory directory;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anEntityAnotherNodeAddedIsFoundOnceTheChangeLogSaysSo() {
        assertThat(facts.entity("river-union").name()).isEqualTo("River Union"); // this node now holds the entities
        // another node renames it: a row written behind this node's back, and the change log entry it appends
        jdbc.sql("update fact_entity set name = 'Great River Union' where slug = 'river-union'")
                .update();
        assertThat(facts.entity("river-union").name())
                .as("not seen before the change log says so")
                .isEqualTo("River Union");
        long id = facts.entity("RU").id();
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(t -> changeLog.append(
                        EntityDirectory.CHANGE_LOG_ENTITY, id, app.almanac.shared.ChangeLog.Action.UPDATED));
        follower.follow(directory);
        assertThat(facts.entity("RU").name()).isEqualTo("Great River Union");
    }

    @Test
    void theEditorsPagesAreValidHtml() {
        for (String path : List.of(
                "/facts/river-union",
                "/facts/river-union/facts/new",
                "/facts/river-union/facts/" + factId("westmark"))) {
            assertThat(app.almanac.web.Html5Validator.errors(editor.get(path).body()))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void anEditorAddsAMembershipThroughTheFormAndTheChangeIsListedWithWhoMadeIt() {
        Document blank = page(editor, "/facts/river-union/facts/new");
        HttpResponse<String> added = editor.post(
                "/facts/river-union/facts",
                fields(
                        blank,
                        Map.of(
                                "subject", "Nordia", // a name finds the entity, as a slug does
                                "from", "2010-09-01",
                                "sources", "https://example.org/ru/nordia | Nordia admitted | 2026-12-01\n")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).contains("/facts/river-union?done=added");

        assertThat(members("2010-08-31")).containsExactlyInAnyOrder("ostland", "westmark");
        assertThat(members("2010-09-01")).containsExactlyInAnyOrder("ostland", "westmark", "nordia");

        Document page = page(editor, "/facts/river-union?done=added&id=" + factId("nordia"));
        assertThat(page.select(".notice").text()).contains("added");
        Element latest = changes(page).get(0);
        assertThat(latest.text()).contains("created", "Nordia", "member of", "River Union", "Eda");
        assertThat(jdbc.sql("select count(*) from change_log where entity = 'fact' and entity_id = :id")
                        .param("id", factId("nordia"))
                        .query(Long.class)
                        .single())
                .as("the change log has it, as it has articles")
                .isEqualTo(1);
    }

    @Test
    void anEditIsRecordedBeforeAndAfterAndUndoRestoresItAndUndoingTheUndoBringsItBack() {
        long westmark = factId("westmark");
        Document form = page(editor, "/facts/river-union/facts/" + westmark);
        assertThat(form.select("#to").attr("value")).isEqualTo("2019-01-01");
        HttpResponse<String> saved =
                editor.post("/facts/river-union/facts/" + westmark, fields(form, Map.of("to", "", "note", "Rejoined")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(members("2024-01-01")).contains("westmark");

        Document page = page(editor, "/facts/river-union");
        Element change = changes(page).get(0);
        assertThat(change.text()).contains("updated", "to: 2019-01-01 → —", "note changed");
        String undo = change.selectFirst("form").attr("action");

        assertThat(editor.post(undo, Map.of()).statusCode()).isEqualTo(302);
        assertThat(members("2024-01-01")).doesNotContain("westmark");
        assertThat(members("2018-06-01")).contains("westmark");

        Element undone = changes(page(editor, "/facts/river-union")).get(0);
        assertThat(undone.text()).contains("undone", "to: — → 2019-01-01");
        assertThat(editor.post(undone.selectFirst("form").attr("action"), Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(members("2024-01-01")).as("the undo undone").contains("westmark");
    }

    @Test
    void aDeletedFactComesBackUnderItsOwnIdWhenTheDeletionIsUndone() {
        long westmark = factId("westmark");
        Document form = page(editor, "/facts/river-union/facts/" + westmark);
        String started = form.select("input[name=startedFrom]").attr("value");
        HttpResponse<String> deleted =
                editor.post("/facts/river-union/facts/" + westmark + "/delete", Map.of("startedFrom", started));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        assertThat(members("2010-01-01")).doesNotContain("westmark");

        Element change = changes(page(editor, "/facts/river-union")).get(0);
        assertThat(change.text()).contains("deleted", "Westmark");
        assertThat(editor.post(change.selectFirst("form").attr("action"), Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(members("2010-01-01")).contains("westmark");
        assertThat(factId("westmark")).isEqualTo(westmark);
        assertThat(facts.members("river-union", LocalDate.parse("2010-01-01")).members().stream()
                        .filter(s -> s.entity().slug().equals("westmark"))
                        .findFirst()
                        .orElseThrow()
                        .sources())
                .extracting(FactFile.Source::url)
                .containsExactly("https://example.org/ru/westmark");
    }

    @Test
    void aChangeWithoutASourceAnOverlapOrAnUnknownEntityIsRefusedWithTheReasonAndNothingIsStored() {
        Document blank = page(editor, "/facts/river-union/facts/new");
        long before = factCount();
        long changesBefore =
                jdbc.sql("select count(*) from fact_change").query(Long.class).single();

        HttpResponse<String> noSource =
                editor.post("/facts/river-union/facts", fields(blank, Map.of("subject", "nordia", "from", "2010")));
        assertThat(noSource.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noSource.body()).select(".problem").text()).contains("at least one source");
        assertThat(Jsoup.parse(noSource.body()).select("#subject").attr("value"))
                .as("what was typed is kept")
                .isEqualTo("nordia");

        HttpResponse<String> overlap = editor.post(
                "/facts/river-union/facts",
                fields(
                        blank,
                        Map.of(
                                "subject", "westmark",
                                "from", "2018-06",
                                "sources", "https://example.org/x | x")));
        assertThat(overlap.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(overlap.body()).select(".problem").text()).contains("overlaps");

        HttpResponse<String> unknown = editor.post(
                "/facts/river-union/facts",
                fields(blank, Map.of("subject", "Atlantis", "sources", "https://example.org/x | x")));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unknown.body()).select(".problem").text()).contains("'Atlantis'", "not an entity");

        HttpResponse<String> badDate = editor.post(
                "/facts/river-union/facts",
                fields(blank, Map.of("subject", "nordia", "from", "2023-02-30", "sources", "https://example.org/x")));
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badDate.body()).select(".problem").text()).contains("2023-02-30");

        assertThat(factCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from fact_change")
                        .query(Long.class)
                        .single())
                .isEqualTo(changesBefore);
    }

    @Test
    void anEditFromAStaleFormIsRefusedRatherThanOverwritingAnotherEditorsChange() {
        long westmark = factId("westmark");
        Document mine = page(editor, "/facts/river-union/facts/" + westmark);
        Document theirs = page(editor, "/facts/river-union/facts/" + westmark);
        assertThat(editor.post("/facts/river-union/facts/" + westmark, fields(theirs, Map.of("to", "2020")))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> stale =
                editor.post("/facts/river-union/facts/" + westmark, fields(mine, Map.of("to", "2021")));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body()).select(".problem").text()).contains("Someone changed this fact");
        assertThat(facts.timeline("river-union").memberships().stream()
                        .filter(f -> f.subject().slug().equals("westmark"))
                        .findFirst()
                        .orElseThrow()
                        .to()
                        .text())
                .isEqualTo("2020");
    }

    @Test
    void onlyTheLatestChangeOfAFactCanBeUndone() {
        long westmark = factId("westmark");
        Document form = page(editor, "/facts/river-union/facts/" + westmark);
        editor.post("/facts/river-union/facts/" + westmark, fields(form, Map.of("to", "2020")));
        long created = jdbc.sql("select min(id) from fact_change where fact_id = :id")
                .param("id", westmark)
                .query(Long.class)
                .single();
        HttpResponse<String> refused = editor.post("/facts/river-union/changes/" + created + "/undo", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).select(".problem").text()).contains("latest change");
        assertThat(members("2019-06-01")).contains("westmark");
    }

    @Test
    void visitorsAndLearnersReadTheChangesButCannotChangeAnythingAndEditorsNeedTheirCsrfToken() {
        long westmark = factId("westmark");
        TestSession visitor = new TestSession(port);
        Document seen = page(visitor, "/facts/river-union");
        assertThat(changes(seen)).isNotEmpty();
        assertThat(seen.select("#changes form")).as("no undo buttons").isEmpty();
        assertThat(seen.text()).doesNotContain("test data").doesNotContain("Add a fact");

        assertThat(visitor.get("/facts/river-union/facts/new").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/facts/river-union/facts/new")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login");
        assertThat(learner.get("/facts/river-union/facts/" + westmark).statusCode())
                .isEqualTo(403);
        assertThat(learner.post("/facts/river-union/facts/" + westmark + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.postWithout("/facts/river-union/facts/" + westmark + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        // a fact is reached only through an entity it belongs to
        assertThat(editor.get("/facts/lake-pact/facts/" + westmark).statusCode())
                .isEqualTo(404);
        assertThat(members("2010-01-01")).contains("westmark");
    }
}
