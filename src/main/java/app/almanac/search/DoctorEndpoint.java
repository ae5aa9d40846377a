package app.almanac.search;

import app.almanac.article.ArticleService;
import app.almanac.web.AnonymousPages;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/doctor} on the management port: the doctor of a running node, whose index no
 * other process may open (Lucene allows one writer) and whose kept pages live in its memory.
 * GET checks; POST repairs.
 */
@Component
@Endpoint(id = "doctor")
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class DoctorEndpoint {

    private final SearchService search;
    private final AnonymousPages pages;
    private final ArticleService articles;

    DoctorEndpoint(SearchService search, AnonymousPages pages, ArticleService articles) {
        this.search = search;
        this.pages = pages;
        this.articles = articles;
    }

    @ReadOperation
    public DoctorReport check() {
        return examine(false);
    }

    @WriteOperation
    public DoctorReport repair() {
        return examine(true);
    }

    private DoctorReport examine(boolean repair) {
        // the index first: repairing it changes the search results, so result pages kept before go too
        IndexCheck index = search.doctor(repair);
        Map<Long, Long> changed = new HashMap<>();
        for (ArticleService.Stamp s : articles.publishedStamps()) {
            changed.put(s.id(), s.updated().toEpochMilli());
        }
        AnonymousPages.PageCheck kept = pages.check(page -> outdated(page, changed), repair);
        return new DoctorReport(index, kept);
    }

    /**
     * An article's page shows what was current when it changed last (its last-modified time): it
     * is outdated when the article has changed since, or is no longer published.
     */
    private static boolean outdated(AnonymousPages.Page page, Map<Long, Long> changed) {
        if (page.owner() <= 0) {
            return false;
        }
        Long last = changed.get(page.owner());
        return last == null || (page.lastModified() >= 0 && page.lastModified() != last);
    }
}
