package app.almanac.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The model of the search page: results, and links that change one thing about the query. */
public record SearchPage(SearchResults results) {

    public SearchQuery query() {
        return results.query();
    }

    /** The same search with one parameter set (or removed, with null), back on page 1. */
    public String with(String name, String value) {
        Map<String, String> params = params();
        params.remove("page");
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return url(params);
    }

    /** The same search on another page. */
    public String page(int page) {
        Map<String, String> params = params();
        params.put("page", Integer.toString(page));
        return url(params);
    }

    public static String facetTitle(String dimension) {
        return switch (dimension) {
            case ArticleDocuments.CATEGORY -> "Category";
            case ArticleDocuments.SYLLABUS -> "Syllabus";
            default -> "Topic";
        };
    }

    private Map<String, String> params() {
        SearchQuery q = query();
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q.text().isEmpty() ? null : q.text());
        put(p, ArticleDocuments.CATEGORY, q.category());
        put(p, ArticleDocuments.SYLLABUS, q.syllabus());
        put(p, ArticleDocuments.TAG, q.tag());
        put(p, "from", q.from() == null ? null : q.from().toString());
        put(p, "to", q.to() == null ? null : q.to().toString());
        put(p, "sort", q.byDate() ? "date" : null);
        put(p, "page", q.page() > 1 ? Integer.toString(q.page()) : null);
        return p;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static String url(Map<String, String> params) {
        StringBuilder sb = new StringBuilder("/search");
        char sep = '?';
        for (var e : params.entrySet()) {
            sb.append(sep)
                    .append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }
}
