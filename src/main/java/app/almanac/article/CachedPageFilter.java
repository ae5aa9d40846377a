package app.almanac.article;

import app.almanac.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The fast path for the busiest pages: an article page already rendered for anonymous readers (see
 * {@link RenderedPages}) is answered here, ahead of the session and security filters and of Spring
 * MVC, with the same headers (security headers included) and 304 handling as the controller. It
 * serves only requests that carry neither a session cookie nor credentials: anyone signed in, and
 * anything else, including a page not rendered yet, goes through the whole chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CachedPageFilter extends OncePerRequestFilter {

    private static final Pattern ARTICLE = Pattern.compile("^/articles/(\\d{4}-\\d{2}-\\d{2})/([^/]+)$");

    private final RenderedPages pages;

    CachedPageFilter(RenderedPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a signed-in reader's page carries their name and bookmarks: only anonymous pages are shared
        Matcher m = "GET".equals(request.getMethod()) && SecurityHeaders.anonymous(request)
                ? ARTICLE.matcher(request.getRequestURI())
                : null;
        RenderedPages.Page page = m != null && m.matches() ? pages.cached(m.group(1) + "/" + m.group(2)) : null;
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.write(response);
        response.setHeader("ETag", page.etag());
        response.setDateHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", "no-cache");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(page.etag()) || ifNoneMatch.equals("W/" + page.etag()))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        response.getOutputStream().write(page.html());
    }
}
