package app.almanac.publish;

import app.almanac.article.ArticleService;
import app.almanac.article.ArticleSummary;
import app.almanac.shared.NotFoundException;
import app.almanac.shared.SiteAddress;
import app.almanac.shared.Workload;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Atom feeds of the newest analyses: all of them, and one per category. */
@RestController
class FeedController {

    static final int ENTRIES = 50;
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleService articles;
    private final SiteAddress site;
    private final Workload work;

    FeedController(ArticleService articles, SiteAddress site, PublishProperties limits) {
        this.articles = articles;
        this.site = site;
        this.work = new Workload("feeds", limits.concurrentFeeds(), limits.patience());
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> all() throws FeedException {
        return atom(feed("Almanac: latest analyses", "/feed.atom", work.run(() -> articles.newest(0, ENTRIES))));
    }

    @GetMapping("/categories/{slug}/feed.atom")
    ResponseEntity<String> category(@PathVariable String slug) throws FeedException {
        List<ArticleSummary> entries = work.run(() -> articles.newestInCategory(slug, ENTRIES))
                .orElseThrow(() -> new NotFoundException("There is no category '" + slug + "'."));
        String name = entries.isEmpty() || entries.get(0).category() == null
                ? slug
                : entries.get(0).category();
        return atom(feed("Almanac: " + name, "/categories/" + slug + "/feed.atom", entries));
    }

    private Feed feed(String title, String path, List<ArticleSummary> entries) {
        String base = site.base();
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + path);
        feed.setTitle(title);
        feed.setUpdated(Date.from(entries.stream()
                .map(ArticleSummary::updated)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link(base + "/", "alternate")));
        feed.setOtherLinks(List.of(link(base + path, "self")));
        Person author = new Person();
        author.setName("Almanac");
        feed.setAuthors(List.of(author));
        List<Entry> items = new ArrayList<>();
        for (ArticleSummary a : entries) {
            Entry entry = new Entry();
            entry.setId(base + a.path());
            entry.setTitle(a.title());
            entry.setAlternateLinks(List.of(link(base + a.path(), "alternate")));
            entry.setPublished(Date.from(a.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
            entry.setUpdated(Date.from(a.updated()));
            if (a.context() != null) {
                Content summary = new Content();
                summary.setType("text");
                summary.setValue(a.context());
                entry.setSummary(summary);
            }
            if (a.publisher() != null) {
                Person publisher = new Person();
                publisher.setName(a.publisher());
                entry.setAuthors(List.of(publisher));
            }
            items.add(entry);
        }
        feed.setEntries(items);
        return feed;
    }

    private static Link link(String href, String rel) {
        Link link = new Link();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }

    private static ResponseEntity<String> atom(Feed feed) throws FeedException {
        return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
    }
}
