package app.almanac.search;

import app.almanac.web.SecurityHeaders;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Result pages as anonymous readers see them, by query string, for as long as the index does not
 * change: popular searches repeat, and a repeated one is answered here, ahead of the session and
 * security filters and of Spring MVC, with the security headers written as they would be. A page
 * is only stored when rendered for a request that carried no session and no credentials.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class RenderedSearchPages extends OncePerRequestFilter {

    /** A page and the index version it was rendered from. */
    private record Page(long version, byte[] html) {}

    private final Cache<String, Page> pages = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((String key, Page page) -> page.html().length + key.length())
            .build();
    private final SearchService search;

    RenderedSearchPages(SearchService search) {
        this.search = search;
    }

    /** Keeps a page rendered for an anonymous request to {@code /search?query}. */
    void keep(HttpServletRequest request, long version, byte[] html) {
        if (request.getUserPrincipal() == null && SecurityHeaders.anonymous(request)) {
            pages.put(key(request), new Page(version, html));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !"/search".equals(request.getRequestURI())
                || !SecurityHeaders.anonymous(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Page page = pages.getIfPresent(key(request));
        if (page == null || page.version() != search.version()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.write(response);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        response.getOutputStream().write(page.html());
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query;
    }
}
