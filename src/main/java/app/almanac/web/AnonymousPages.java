package app.almanac.web;

import app.almanac.shared.SiteAddress;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The fast path for the busiest pages: a page rendered for an anonymous reader (an article, a
 * search) is kept by its URL and answers every later anonymous request for that URL here, ahead of
 * the session and security filters and of Spring MVC, with the same security headers and 304
 * handling. Anyone signed in, and anything not kept, goes through the whole chain.
 *
 * <p>The database stays the truth: the rooms that keep pages drop them when what they show
 * changes (an article's pages when it is changed on any node, see {@link #evictOwner}); a search
 * page says itself whether it is still fresh; and every page expires after a few minutes, so
 * lists of related pages follow new content. Bounded by bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AnonymousPages extends OncePerRequestFilter {

    /**
     * A rendered page.
     *
     * @param owner the id of the article it shows, or 0
     * @param etag its entity tag, or null when it has none
     * @param lastModified when what it shows last changed (epoch millis), or -1
     * @param html the whole response body
     * @param fresh whether the page may still be served (asked on every hit)
     */
    public record Page(long owner, String etag, long lastModified, byte[] html, BooleanSupplier fresh) {}

    /**
     * A quarter of the heap, at most 128 MB: the kept pages live as long as they are read, so they
     * fill the old generation; a larger share of a small heap leaves the collector too little room
     * (measured: with 128 MB of a 300 MB heap, cached searches' p99 went from 14 to 236 ms).
     */
    static final long MAX_BYTES =
            Math.min(128L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4);

    private final Cache<String, Page> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Page page) -> page.html().length + key.length())
            .expireAfterWrite(Duration.ofMinutes(5))
            .recordStats()
            .build();
    private final Anonymity anonymity;
    private final boolean https;

    AnonymousPages(Anonymity anonymity, SiteAddress site, io.micrometer.core.instrument.MeterRegistry meters) {
        this.anonymity = anonymity;
        this.https = site.secure();
        // hits, misses, evictions and size as cache_gets_total{cache="pages",result="hit|miss"} and the like
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(meters, pages, "pages");
    }

    /** Keeps {@code page} for the URL of {@code request}, if the request was anonymous. */
    public void keep(HttpServletRequest request, Page page) {
        if (request.getUserPrincipal() == null && anonymity.anonymous(request)) {
            pages.put(key(request), page);
        }
    }

    /** Drops every page that shows article {@code owner}. */
    public void evictOwner(long owner) {
        pages.asMap().values().removeIf(page -> page.owner() == owner);
    }

    /**
     * What a check of the kept pages found.
     *
     * @param kept pages kept when checked
     * @param outdated pages that would still be served though what they show has changed: an eviction was missed
     * @param firstOutdated the addresses of the first of those (at most 20, in order)
     * @param notFresh pages that say themselves they are out of date: never served again, dropped at their next hit
     * @param evicted whether both kinds were dropped
     */
    public record PageCheck(int kept, int outdated, List<String> firstOutdated, int notFresh, boolean evicted) {}

    /**
     * Checks every kept page: {@code outdated} says, from the database, whether what a page shows
     * has changed since it was rendered (article pages trust their eviction and never say so
     * themselves). With {@code evict}, drops the outdated pages and those no longer fresh.
     */
    public PageCheck check(Predicate<Page> outdated, boolean evict) {
        int kept = 0;
        int notFresh = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Page> e : pages.asMap().entrySet()) {
            kept++;
            Page page = e.getValue();
            boolean drop;
            if (!page.fresh().getAsBoolean()) {
                notFresh++;
                drop = true;
            } else {
                drop = outdated.test(page);
                if (drop) {
                    wrong.add(e.getKey());
                }
            }
            if (drop && evict) {
                pages.asMap().remove(e.getKey(), page);
            }
        }
        wrong.sort(null);
        return new PageCheck(
                kept, wrong.size(), List.copyOf(wrong.subList(0, Math.min(20, wrong.size()))), notFresh, evict);
    }

    /** Drops every kept page (after the database was restored or emptied under this node). */
    public void evictAll() {
        pages.invalidateAll();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !anonymity.anonymous(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        Page page = pages.getIfPresent(key);
        if (page != null && !page.fresh().getAsBoolean()) {
            pages.asMap().remove(key, page);
            page = null;
        }
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.write(response, https);
        response.setHeader("Cache-Control", "no-cache");
        if (page.etag() != null) {
            response.setHeader("ETag", page.etag());
            response.setDateHeader("Last-Modified", page.lastModified());
            String ifNoneMatch = request.getHeader("If-None-Match");
            if (ifNoneMatch != null && (ifNoneMatch.equals(page.etag()) || ifNoneMatch.equals("W/" + page.etag()))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        response.getOutputStream().write(page.html());
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
