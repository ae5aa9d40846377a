package app.almanac.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.ArticleService;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Block;
import app.almanac.article.Edit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.article.Status;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.ImportSources;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.web.Html5Validator;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Search over the seed, the fixtures and a few articles written here, on an in-memory index. */
@AlmanacTest
class SearchTests {

    @LocalServerPort
    int port;

    @Autowired
    SearchService search;

    @Autowired
    ImportService importer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SearchIndex index;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @BeforeAll
    void content() {
        try (ImportSources sources =
                ImportSources.of(List.of(TestSeeds.CSTO, Path.of("src/test/resources/fixtures/text")))) {
            sources.parseAll(importer::store);
        }
        writer.save(TestArticles.article("A quiz-only word")
                .on(LocalDate.of(2022, 1, 5))
                .category("Science")
                .context("Nothing here names the mineral.")
                .sections(List.of(new Section(
                        "Notes",
                        List.of(new Block.Paragraph("Markup such as <script>alert(1)</script> is text here, "
                                + "and so is the word tanzanite.")))))
                .questions(List.of(new Question(
                        "Which gem is blue?",
                        List.of(new Question.Option("A", "Ruby"), new Question.Option("B", "Zanzibarite")),
                        List.of("B"),
                        "Only zanzibarite is blue.")))
                .build());
        search.catchUp();
    }

    /**
     * The bug the gap-safe follower fixes, from outside: two transactions each unpublish one
     * article; the one holding the lower change-log id commits after the other. Both leave search.
     */
    @Test
    void twoUnpublishesCommittedOutOfOrderBothLeaveTheIndex() throws Exception {
        long first = writer.save(TestArticles.article("Wallabyton unpublished first")
                        .context("The word Wallabyton marks this one.")
                        .build())
                .article()
                .id();
        long second = writer.save(TestArticles.article("Wallabyton unpublished second")
                        .context("The word Wallabyton marks this one too.")
                        .build())
                .article()
                .id();
        assertThat(find("Wallabyton").total()).isEqualTo(2);

        CountDownLatch lowerIdTaken = new CountDownLatch(1);
        CountDownLatch higherCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> transaction.executeWithoutResult(status -> {
                writer.move(first, Status.DRAFT, null, Edit.by("ed@example.org", "unpublish", null));
                lowerIdTaken.countDown();
                await(higherCommitted);
            }));
            await(lowerIdTaken);
            transaction.executeWithoutResult(
                    status -> writer.move(second, Status.DRAFT, null, Edit.by("ed@example.org", "unpublish", null)));
            assertThat(find("Wallabyton").total())
                    .as("the higher id committed; the lower one is still in flight")
                    .isEqualTo(1);
            higherCommitted.countDown();
            slow.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        search.catchUp();
        assertThat(find("Wallabyton").total())
                .as("both unpublished articles left search")
                .isZero();
    }

    /**
     * After a crash that lost commits the index can hold changes the database does not, and the
     * log hands their ids out again: an index ahead of the log rebuilds itself from the database.
     */
    @Test
    void anIndexAheadOfTheDatabaseRebuildsItselfFromTheDatabase() {
        long id = writer.save(TestArticles.article("Numbatvale ahead of the log")
                        .context("Numbatvale is in the database.")
                        .build())
                .article()
                .id();
        ChangeLogCursor truth = index.applied();
        index.remove(id); // what the index no longer shows...
        index.commit(new ChangeLogCursor(
                truth.position() + 500, new TreeMap<>(), "")); // ...and a position the log never had
        assertThat(find("Numbatvale").total()).isZero();

        search.catchUp();
        assertThat(index.applied().position()).isLessThanOrEqualTo(truth.position());
        assertThat(find("Numbatvale").total()).as("rebuilt from the database").isEqualTo(1);
    }

    /**
     * The other sign of lost commits: the id the index applied last is in the log again, but names
     * another entry (the lost one's id was handed out again, and the new entry would be skipped).
     */
    @Test
    void anIndexWhoseLastAppliedIdNowNamesAnotherEntryRebuildsItself() {
        long id = writer.save(TestArticles.article("Quollmere takes a reused id")
                        .context("Quollmere is in the database.")
                        .build())
                .article()
                .id();
        search.catchUp();
        ChangeLogCursor truth = index.applied();
        assertThat(truth.last()).startsWith("article/" + id + "/");
        index.remove(id);
        // the index remembers a different entry under the same id: the one a crash lost
        index.commit(new ChangeLogCursor(truth.position(), new TreeMap<>(), "article/" + (id + 1000) + "/CREATED@0"));
        assertThat(search.state().diverged()).as("health sees it").isTrue();

        search.catchUp();
        assertThat(search.state().diverged()).isFalse();
        assertThat(find("Quollmere").total()).as("rebuilt from the database").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SearchResults find(String text) {
        return search.search(new SearchQuery(text, null, null, null, null, null, false, 1));
    }

    private List<String> titles(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::title).toList();
    }

    @Test
    void anAbbreviationFindsTheFullNameAndTheFullNameFindsTheAbbreviation() {
        assertThat(titles(find("CSTO"))).contains("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        assertThat(titles(find("Collective Security Treaty Organization")))
                .contains("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        assertThat(find("shanghai cooperation organisation").total())
                .isEqualTo(find("SCO").total())
                .isPositive();
    }

    @Test
    void britishAndAmericanSpellingsFindEachOther() {
        long british = find("defence").total();
        assertThat(british).isPositive().isEqualTo(find("defense").total());
        assertThat(find("organisation").total()).isEqualTo(find("organization").total());
    }

    @Test
    void quotesAskForAPhrase() {
        assertThat(find("\"peacekeeping force\"").total()).isPositive();
        assertThat(find("\"force peacekeeping\"").total()).isZero();
    }

    @Test
    void matchesAreHighlightedInEscapedSnippets() {
        SearchResults.Hit hit = find("tanzanite").hits().get(0);
        assertThat(hit.snippet())
                .contains("<mark>tanzanite</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void practiceQuestionsAreSearchedToo() {
        assertThat(titles(find("zanzibarite"))).containsExactly("A quiz-only word");
    }

    @Test
    void filtersNarrowAndFacetsCount() {
        SearchResults all = find("India");
        assertThat(all.facets()).containsKey("category");
        SearchResults.FacetValue top = all.facets().get("category").get(0);
        SearchResults narrowed = search.search(new SearchQuery("India", top.value(), null, null, null, null, false, 1));
        assertThat(narrowed.total()).isEqualTo(top.count()).isLessThan(all.total());
        assertThat(narrowed.hits()).allSatisfy(h -> assertThat(h.category()).isEqualTo(top.value()));
    }

    @Test
    void aDateRangeAndSortingByDateWork() {
        SearchResults recent =
                search.search(new SearchQuery("India", null, null, null, LocalDate.of(2024, 1, 1), null, true, 1));
        assertThat(recent.hits())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.date()).isAfterOrEqualTo(LocalDate.of(2024, 1, 1)));
        List<LocalDate> dates =
                recent.hits().stream().map(SearchResults.Hit::date).toList();
        assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aMisspeltWordGetsADidYouMean() {
        SearchResults results = find("Armneia");
        assertThat(results.total()).isZero();
        assertThat(results.suggestion()).isEqualTo("armenia");
    }

    @Test
    void editsReachTheIndexAsSoonAsTheyCommit() {
        ArticleContent a = TestArticles.article("Glacier retreat measured")
                .on(LocalDate.of(2024, 6, 1))
                .context("Scientists measured the retreat of a Himalayan glacier called Quokkaberg.")
                .build();
        writer.save(a);
        assertThat(find("Quokkaberg").total()).as("heard after commit").isEqualTo(1);
        assertThat(search.catchUp()).as("the log holds nothing more").isZero();
        writer.save(TestArticles.article(a.title())
                .on(a.date())
                .context("Scientists measured the retreat of a glacier.")
                .build());
        assertThat(find("Quokkaberg").total()).isZero();
        assertThat(find("glacier retreat").total()).isEqualTo(1);
    }

    @Test
    void aRepeatedSearchIsAnsweredFromItsRenderedPageUntilTheIndexChanges() {
        TestHttp http = new TestHttp(port);
        String path = "/search?q=Wombatfjord";
        HttpResponse<String> first = http.get(path);
        assertThat(Jsoup.parse(first.body()).select("ol.hits li")).isEmpty();
        HttpResponse<String> again = http.get(path);
        assertThat(again.body()).isEqualTo(first.body());
        for (String header :
                List.of("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")) {
            assertThat(again.headers().allValues(header))
                    .as(header)
                    .isEqualTo(first.headers().allValues(header))
                    .isNotEmpty();
        }
        writer.save(TestArticles.article("Fjord survey")
                .on(LocalDate.of(2024, 7, 1))
                .context("Surveyors mapped the Wombatfjord inlet.")
                .build());
        search.catchUp();
        assertThat(Jsoup.parse(http.get(path).body()).select("ol.hits li"))
                .as("not the page of the old index")
                .hasSize(1);
    }

    @Test
    void aRebuildGivesTheSameResults() {
        long before = find("India").total();
        int indexed = search.rebuild(n -> {});
        assertThat(indexed).isEqualTo(articles.count());
        assertThat(find("India").total()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AND OR ((",
                "\"unclosed",
                "title:",
                "*",
                "?x",
                "a AND",
                "' OR 1=1 --",
                "\\",
                "[1 TO",
                "~~~",
                "NOT"
            })
    void anyQueryTextGivesAPageNeverAnError(String text) throws Exception {
        HttpResponse<String> response = get("/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(search.search(new SearchQuery(text, null, null, null, null, null, false, 1)))
                .isNotNull();
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    @Test
    void theSearchPageShowsResultsFacetsAndPagesAndIsValidHtml() throws Exception {
        HttpResponse<String> response = get("/search?q=India");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Html5Validator.errors(response.body())).isEmpty();
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("label[for=q]")).hasSize(1);
        assertThat(doc.select("#q").attr("value")).isEqualTo("India");
        assertThat(doc.select("ol.hits > li")).hasSize(SearchService.PAGE_SIZE);
        assertThat(doc.select("ol.hits mark")).isNotEmpty();
        assertThat(doc.select("aside.facets a").first().attr("href")).startsWith("/search?q=India&category=");
        assertThat(doc.select("a[rel=next]").attr("href")).isEqualTo("/search?q=India&page=2");
        assertThat(get("/search?q=India&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(get("/search?q=Armneia").body())
                        .select(".suggestion a")
                        .attr("href"))
                .isEqualTo("/search?q=armenia");
    }

    @Test
    void theApiAnswersJson() throws Exception {
        HttpResponse<String> response = get("/api/search?q=csto");
        assertThat(response.statusCode()).isEqualTo(200);
        var json = JsonMapper.builder().build().readTree(response.body());
        assertThat(json.get("total").asLong()).isPositive();
        assertThat(json.get("hits").get(0).get("path").asString()).startsWith("/articles/");
    }
}
