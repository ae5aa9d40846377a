package app.almanac.publish;

import app.almanac.article.ArticleService;
import app.almanac.article.ArticleSummary;
import app.almanac.shared.NotFoundException;
import app.almanac.shared.SiteAddress;
import app.almanac.shared.Workload;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sitemap.xml}, an index of sitemaps (one for the site's pages, then the articles
 * {@value #PER_SITEMAP} at a time, well under the protocol's 50,000), and {@code /robots.txt}.
 */
@RestController
class SitemapController {

    static final int PER_SITEMAP = 10_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final ArticleService articles;
    private final SiteAddress site;
    private final Workload work;

    SitemapController(ArticleService articles, SiteAddress site, PublishProperties limits) {
        this.articles = articles;
        this.site = site;
        this.work = new Workload("sitemaps", limits.concurrentFeeds(), limits.patience());
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return "User-agent: *\nAllow: /\nSitemap: " + site.base() + "/sitemap.xml\n";
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() throws XMLStreamException {
        String base = site.base();
        long count = work.run(articles::count);
        return xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            sitemap(w, base + "/sitemaps/pages.xml");
            for (int n = 1; (long) (n - 1) * PER_SITEMAP < count; n++) {
                sitemap(w, base + "/sitemaps/articles-" + n + ".xml");
            }
            w.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> pages() throws XMLStreamException {
        String base = site.base();
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            url(w, base + "/", null);
            url(w, base + "/categories", null);
            for (ArticleService.Topic topic : work.run(articles::categories)) {
                url(w, base + "/categories/" + topic.slug(), null);
            }
            w.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/articles-{n}.xml")
    ResponseEntity<String> articles(@PathVariable int n) throws XMLStreamException {
        // (n - 1) × PER_SITEMAP must stay an int: a number past every article names no sitemap
        List<ArticleSummary> page = n < 1 || n > Integer.MAX_VALUE / PER_SITEMAP
                ? List.of()
                : work.run(() -> articles.newest((n - 1) * PER_SITEMAP, PER_SITEMAP));
        if (page.isEmpty()) {
            throw new NotFoundException("There is no sitemap number " + n + ".");
        }
        String base = site.base();
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            for (ArticleSummary a : page) {
                url(w, base + a.path(), DateTimeFormatter.ISO_INSTANT.format(a.updated()));
            }
            w.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static ResponseEntity<String> xml(XmlBody body) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(NS);
        body.write(w);
        w.writeEndDocument();
        w.close();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .body(out.toString());
    }

    private static void sitemap(XMLStreamWriter w, String loc) throws XMLStreamException {
        w.writeStartElement(NS, "sitemap");
        element(w, "loc", loc);
        w.writeEndElement();
    }

    private static void url(XMLStreamWriter w, String loc, String lastModified) throws XMLStreamException {
        w.writeStartElement(NS, "url");
        element(w, "loc", loc);
        if (lastModified != null) {
            element(w, "lastmod", lastModified);
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
