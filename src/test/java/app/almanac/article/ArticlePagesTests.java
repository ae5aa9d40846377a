package app.almanac.article;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import app.almanac.shared.ChangeLogFollower;
import app.almanac.web.Html5Validator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reader's pages and the JSON API, over real HTTP. */
@AlmanacTest
class ArticlePagesTests {

    static final String SEED_PATH = "/articles/2024-02-26/collective-security-treaty-organisation-csto";

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @Autowired
    ChangeLogFollower follower;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void importContent() {
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        writer.save(ArticleMother.riverTreaty());
        ArticleContent a = ArticleMother.riverTreaty();
        writer.save(TestArticles.article("A page with a hostile credit")
                .on(a.date())
                .credits(List.of(new Credit("Source", "click me", "javascript:alert(1)")))
                .sections(a.sections())
                .build());
        // the same story a month earlier, sharing a tag; and 25 short notes on one topic, for paging
        writer.save(TestArticles.article(a.title())
                .on(a.date().minusMonths(1))
                .publisher(a.publisher())
                .series(a.series())
                .category(a.category())
                .syllabus(List.of("GS-II"))
                .tags(List.of("Water"))
                .context("The talks began.")
                .build());
        for (int i = 1; i <= 25; i++) {
            writer.save(TestArticles.article("Monsoon note " + i)
                    .on(LocalDate.of(2023, 7, i))
                    .category("Geography")
                    .syllabus(List.of("GS-I"))
                    .tags(List.of("Monsoon"))
                    .context("Rainfall update " + i + ".")
                    .build());
        }
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    private Document page(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(response.body(), "", parser);
        assertThat(parser.getErrors()).as("HTML5 parse errors in " + path).isEmpty();
        assertThat(Html5Validator.errors(response.body()))
                .as("Nu Html Checker errors in " + path)
                .isEmpty();
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
        return doc;
    }

    @Test
    void theHomePageIsTheLatestDaysDigest() throws Exception {
        Document home = page("/", 200);
        assertThat(home.select("h1 time").attr("datetime")).isEqualTo("2024-05-14");
        assertThat(home.select("ol.articles .title a").eachAttr("href"))
                .containsExactly(
                        "/articles/2024-05-14/a-river-sharing-treaty-is-renewed",
                        "/articles/2024-05-14/a-page-with-a-hostile-credit");
        assertThat(home.select("a[rel=prev]").attr("href")).isEqualTo("/daily/2024-04-14");
        assertThat(home.select("a[rel=next]")).isEmpty();
    }

    @Test
    void eachDayLinksToTheDaysAroundItThatHaveAnalyses() throws Exception {
        Document day = page("/daily/2024-02-26", 200);
        assertThat(day.select("ol.articles .title a").eachAttr("href")).containsExactly(SEED_PATH);
        assertThat(day.select("a[rel=prev]").attr("href")).isEqualTo("/daily/2023-07-25");
        assertThat(day.select("a[rel=next]").attr("href")).isEqualTo("/daily/2024-04-14");
        assertThat(page("/daily/2024-03-01", 404).select("main p").text())
                .contains("No analyses were published on 1 March 2024");
    }

    @Test
    void theMonthArchiveIsACalendarWithCountsPerDay() throws Exception {
        HttpResponse<String> redirect = get("/archive");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/archive/2024-05"));
        Document july = page("/archive/2023-07", 200);
        assertThat(july.select("table.calendar td.has")).hasSize(25);
        assertThat(july.select("table.calendar td.has a").first().attr("href")).isEqualTo("/daily/2023-07-01");
        assertThat(july.select("table.calendar tbody tr")
                        .first()
                        .select("td")
                        .first()
                        .text())
                .as("July 2023 starts on a Saturday: the Monday cell is empty")
                .isEmpty();
        assertThat(july.select("a[rel=next]").attr("href")).isEqualTo("/archive/2024-02");
        page("/archive/2024-13", 404);
        page("/archive/last-year", 404);
    }

    @Test
    void categoriesSyllabusPapersAndTagsListTheirAnalysesInPages() throws Exception {
        Document topics = page("/categories", 200);
        assertThat(topics.select("ul.topics a").eachAttr("href"))
                .contains("/categories/geography", "/categories/international-news");
        Document first = page("/tags/Monsoon", 200);
        assertThat(first.select("ol.articles > li")).hasSize(ArticleService.PAGE_SIZE);
        assertThat(first.select(".meta").first().text()).contains("25 analyses").contains("page 1 of 2");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/tags/Monsoon?page=2");
        Document second = page("/tags/Monsoon?page=2", 200);
        assertThat(second.select("ol.articles > li")).hasSize(5);
        assertThat(second.select("ol.articles .title").last().text()).isEqualTo("Monsoon note 1");
        page("/tags/Monsoon?page=3", 404);
        page("/tags/Monsoon?page=0", 404);
        page("/tags/Monsoon?page=abc", 400);
        assertThat(page("/categories/geography", 200).select("h1").text()).isEqualTo("Geography");
        assertThat(page("/syllabus/GS-II", 200).select("ol.articles .title a").eachText())
                .contains("A river-sharing treaty is renewed");
        page("/categories/no-such-category", 404);
    }

    @Test
    void anArticleShowsRelatedAnalysesAndTheEarlierOnesOfItsStory() throws Exception {
        Document doc = page("/articles/2024-05-14/a-river-sharing-treaty-is-renewed", 200);
        assertThat(doc.select("#earlier-heading + ol.articles .title a").eachAttr("href"))
                .containsExactly("/articles/2024-04-14/a-river-sharing-treaty-is-renewed-2024-04-14");
        assertThat(doc.select("#related-heading + ol.articles .title a").eachAttr("href"))
                .contains("/articles/2024-04-14/a-river-sharing-treaty-is-renewed-2024-04-14");
        assertThat(doc.select("ul.labels a").eachAttr("href")).contains("/syllabus/GS-II", "/tags/Water");
    }

    @Test
    void theArticlePageRendersHeaderContextAndSections() throws Exception {
        Document doc = page(SEED_PATH, 200);
        assertThat(doc.select("h1").text()).isEqualTo("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        assertThat(doc.select("time").attr("datetime")).isEqualTo("2024-02-26");
        assertThat(doc.select(".meta").text()).contains("26 February 2024").contains("International News");
        assertThat(doc.select(".context").text()).contains("Armenia freezes participation");
        assertThat(doc.select("article section > h2").eachText())
                .containsExactly(
                        "Details",
                        "Reason",
                        "Background",
                        "About Collective Security Treaty Organization (CSTO)",
                        "Practice question");
        assertThat(doc.select("article section ul").first().select("li")).hasSize(2);
        assertThat(doc.text()).doesNotContainIgnoringCase("copyright infringement");
    }

    @Test
    void theFactTableIsARealTableThatKeepsItsParagraphs() throws Exception {
        Element table = page(SEED_PATH, 200).selectFirst("table");
        assertThat(table.select("thead th").eachText()).containsExactly("Aspects", "Description");
        assertThat(table.select("tbody tr")).hasSize(8);
        assertThat(table.select("tbody th[scope=row]").eachText()).startsWith("Founding Members", "Year Founded");
        Element keyFeatures = table.select("tbody tr").get(5);
        assertThat(keyFeatures.selectFirst("th").text()).isEqualTo("Key Features");
        assertThat(keyFeatures.select("td p")).hasSize(4);
    }

    @Test
    void thePracticeQuestionHidesItsAnswerInDetails() throws Exception {
        Element question = page(SEED_PATH, 200).selectFirst(".question");
        assertThat(question.select("ol.options li")).hasSize(4);
        assertThat(question.select("ol.options li").last().text()).isEqualTo("D Uzbekistan");
        Element details = question.selectFirst("details");
        assertThat(details.hasAttr("open")).as("closed until the reader asks").isFalse();
        assertThat(details.selectFirst("summary").text()).isEqualTo("Show answer");
        assertThat(details.select(".answer").text()).isEqualTo("Answer: D");
        assertThat(details.text()).contains("left the organization in 2012");
    }

    @Test
    void creditsLinkOnlyToWebAddresses() throws Exception {
        Document seed = page(SEED_PATH, 200);
        assertThat(seed.select(".credits a").attr("href")).startsWith("https://www.globalsecurity.org/");
        Document hostile = page("/articles/2024-05-14/a-page-with-a-hostile-credit", 200);
        assertThat(hostile.select("a[href^=javascript]")).isEmpty();
        assertThat(hostile.select(".credits").text()).contains("click me");
    }

    @Test
    void escapesEveryTextItRenders() throws Exception {
        HttpResponse<String> response = get("/articles/2024-05-14/a-river-sharing-treaty-is-renewed");
        assertThat(response.body())
                .contains("&lt;b&gt;tags&lt;/b&gt; &amp; ampersands")
                .doesNotContain("<b>tags</b>");
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("main b")).isEmpty();
        assertThat(doc.select("ul.labels li").eachText()).containsExactly("GS-II", "Prelims", "Water", "Treaty");
        assertThat(doc.text()).contains("नदी जल", "“quotes”");
    }

    @Test
    void multipleAnswersAndUnansweredQuestionsAreShownHonestly() throws Exception {
        Document doc = page("/articles/2024-05-14/a-river-sharing-treaty-is-renewed", 200);
        assertThat(doc.select(".question .answer").eachText())
                .containsExactly(
                        "Answer: B",
                        "Answer: A, C",
                        "Answer: A",
                        "Answer: B",
                        "The source gives no answer for this question.");
        assertThat(doc.select(".question").get(2).select("ol.statements li")).hasSize(2);
        assertThat(doc.select(".question").get(2).select("p.stem").last().text())
                .endsWith("is/are correct?");
        assertThat(doc.select(".question").get(3).select("table.pairs thead th").eachText())
                .containsExactly("River", "Basin state");
        assertThat(doc.select(".question").get(3).select("table.pairs tbody tr"))
                .hasSize(2);
        assertThat(doc.select(".question").get(0).select("details p")).hasSize(3);
    }

    @Test
    void theApiReturnsTheArticleAsJson() throws Exception {
        HttpResponse<String> response = get("/api/articles/collective-security-treaty-organisation-csto");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode article = json.readTree(response.body());
        assertThat(article.get("slug").asString()).isEqualTo("collective-security-treaty-organisation-csto");
        assertThat(article.get("path").asString()).isEqualTo(SEED_PATH);
        assertThat(article.get("revision").asInt()).isEqualTo(1);
        assertThat(article.get("title").asString()).isEqualTo("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        assertThat(article.get("date").asString()).isEqualTo("2024-02-26");
        JsonNode table = article.get("sections").get(3).get("blocks").get(0);
        assertThat(table.get("type").asString()).isEqualTo("table");
        assertThat(table.get("rows")).hasSize(8);
        assertThat(article.get("questions").get(0).get("answer").get(0).asString())
                .isEqualTo("D");
    }

    @Test
    void theApiAnswersAnUnknownSlugWithJson404() throws Exception {
        HttpResponse<String> response = get("/api/articles/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("error").asString()).contains("no-such-thing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/articles/2024-02-27/collective-security-treaty-organisation-csto",
                "/articles/not-a-date/collective-security-treaty-organisation-csto",
                "/no/such/page",
                "/articles/2024-02-26"
            })
    void missingPagesAre404PagesThatLookLikeTheSite(String path) throws Exception {
        Document doc = page(path, 404);
        assertThat(doc.select("header.site a.brand").text()).isEqualTo("Almanac");
        assertThat(doc.select("h1").text()).isEqualTo("Page not found");
        assertThat(doc.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/almanac.css");
    }

    @Test
    void aCachedArticlePageCarriesTheSameSecurityHeadersAsARenderedOne() {
        TestHttp http = new TestHttp(port);
        var first = http.get(SEED_PATH).headers().map();
        var second = http.get(SEED_PATH).headers().map();
        for (String header :
                List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")) {
            assertThat(first.get(header.toLowerCase()))
                    .as(header)
                    .isNotNull()
                    .isEqualTo(second.get(header.toLowerCase()));
        }
        assertThat(second.get("content-security-policy").get(0))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void aPostToAReadingPageIsRefusedNotAnError() throws Exception {
        // without a CSRF token the security filter refuses it before the page is even looked up
        HttpResponse<String> response = new TestHttp(port).post(SEED_PATH, "x");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aBrowserThatHasTheRevisionGets304AndAnEditIsSeenAtOnce() throws Exception {
        String path = "/articles/2024-05-14/a-page-with-a-hostile-credit";
        HttpResponse<String> first = get(path);
        HttpResponse<String> fromCache = get(path); // the second answer comes from the page cache, before MVC
        assertThat(fromCache.body()).isEqualTo(first.body());
        assertThat(fromCache.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(fromCache.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        HttpResponse<String> again = new TestHttp(port).get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        ArticleContent a = ArticleMother.riverTreaty();
        writer.save(TestArticles.article("A page with a hostile credit")
                .on(a.date())
                .context("Now with a context line.")
                .credits(List.of(new Credit("Source", "click me", "javascript:alert(1)")))
                .sections(a.sections())
                .build());
        follower.followAll(); // what the schedule does within a second: the change log says the page is stale
        HttpResponse<String> edited = new TestHttp(port).get(path, "If-None-Match", etag);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag"))
                .hasValueSatisfying(e -> assertThat(e).isNotEqualTo(etag));
        assertThat(edited.body()).contains("Now with a context line.");
    }

    @Test
    void theStylesheetIsServed() throws Exception {
        HttpResponse<String> css = get("/css/almanac.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("prefers-color-scheme");
    }
}
