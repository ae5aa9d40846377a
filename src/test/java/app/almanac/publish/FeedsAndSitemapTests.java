package app.almanac.publish;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.article.ArticleService;
import app.almanac.article.ArticleWriter;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds, sitemaps and article metadata, read back by real parsers. */
@AlmanacTest
class FeedsAndSitemapTests {

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @BeforeAll
    void content() {
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        writer.save(TestArticles.article("Rates held <steady> & calm")
                .on(LocalDate.of(2024, 3, 1))
                .publisher("Almanac Desk")
                .category("Economy")
                .syllabus(List.of("GS-III"))
                .tags(List.of("RBI"))
                .context("The central bank kept its policy rate unchanged.")
                .build());
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    private SyndFeed feed(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void theAtomFeedListsTheNewestAnalysesFirst() throws Exception {
        SyndFeed feed = feed("/feed.atom");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Almanac: latest analyses");
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Rates held <steady> & calm", "COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getLink()).isEqualTo("http://almanac.test/articles/2024-03-01/rates-held-steady-calm");
        assertThat(first.getDescription().getValue()).isEqualTo("The central bank kept its policy rate unchanged.");
        assertThat(first.getUpdatedDate()).isNotNull();
    }

    @Test
    void eachCategoryHasItsOwnFeed() throws Exception {
        SyndFeed economy = feed("/categories/economy/feed.atom");
        assertThat(economy.getTitle()).isEqualTo("Almanac: Economy");
        assertThat(economy.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Rates held <steady> & calm");
        assertThat(get("/categories/astrology/feed.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void theSitemapIndexLeadsToEveryArticle() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var index = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(get("/sitemap.xml").body())));
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        NodeList sitemaps = index.getElementsByTagNameNS("*", "loc");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < sitemaps.getLength(); i++) {
            locations.add(sitemaps.item(i).getTextContent());
        }
        assertThat(locations)
                .containsExactly(
                        "http://almanac.test/sitemaps/pages.xml", "http://almanac.test/sitemaps/articles-1.xml");
        var articlesMap = factory.newDocumentBuilder()
                .parse(new InputSource(
                        new StringReader(get("/sitemaps/articles-1.xml").body())));
        assertThat(articlesMap.getElementsByTagNameNS("*", "url").getLength()).isEqualTo(2);
        assertThat(articlesMap.getElementsByTagNameNS("*", "lastmod").item(0).getTextContent())
                .endsWith("Z");
        assertThat(get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/articles-x.xml").statusCode()).isEqualTo(404);
        assertThat(get("/robots.txt").body()).contains("Sitemap: http://almanac.test/sitemap.xml");
    }

    @Test
    void articlePagesCarryNewsArticleJsonLdAndOpenGraph() throws Exception {
        Document doc =
                Jsoup.parse(get("/articles/2024-03-01/rates-held-steady-calm").body());
        String json = doc.selectFirst("script[type=application/ld+json]").data();
        assertThat(json).doesNotContain("<").doesNotContain("&");
        JsonNode ld = JsonMapper.builder().build().readTree(json);
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo("Rates held <steady> & calm");
        assertThat(ld.get("datePublished").asString()).isEqualTo("2024-03-01");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Almanac Desk");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("Rates held <steady> & calm");
        assertThat(doc.select("meta[property=og:url]").attr("content"))
                .endsWith("/articles/2024-03-01/rates-held-steady-calm");
        assertThat(doc.select("meta[property=article:tag]").attr("content")).isEqualTo("RBI");
        assertThat(doc.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/feed.atom");
    }
}
