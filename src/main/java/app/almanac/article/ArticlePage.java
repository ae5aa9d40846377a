package app.almanac.article;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model of an article page: the article, analyses that share its topics, earlier ones of its
 * story, its absolute address (for OpenGraph and JSON-LD), and what other rooms add (links, notes).
 */
public record ArticlePage(
        Article article,
        List<ArticleSummary> related,
        List<ArticleSummary> earlier,
        String url,
        ArticleNotes.Notes notes) {

    /** A page with nothing added by other rooms (a desk preview). */
    public ArticlePage(Article article, List<ArticleSummary> related, List<ArticleSummary> earlier, String url) {
        this(article, related, earlier, url, ArticleNotes.Notes.NONE);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * schema.org NewsArticle as JSON, made safe to sit inside a script element: "<", ">" and "&"
     * are written as JSON unicode escapes, so no text can close the element.
     */
    public String jsonLd() {
        ArticleContent c = article.content();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", c.title());
        if (c.date() != null) {
            ld.put("datePublished", c.date().toString());
        }
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        if (c.context() != null) {
            ld.put("description", c.context());
        }
        if (c.category() != null) {
            ld.put("articleSection", c.category());
        }
        if (!c.tags().isEmpty()) {
            ld.put("keywords", String.join(", ", c.tags()));
        }
        if (c.publisher() != null) {
            ld.put("publisher", Map.of("@type", "Organization", "name", c.publisher()));
        }
        return JSON.writeValueAsString(ld)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace(String.valueOf((char) 0x2028), "\\u2028")
                .replace(String.valueOf((char) 0x2029), "\\u2029");
    }

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    public ArticleContent content() {
        return article.content();
    }

    /** "26 February 2024". */
    public String displayDate() {
        return DISPLAY.format(article.content().date());
    }

    /** Only http(s) links are ever rendered, whatever a stored credit says. */
    public static boolean safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    /** The stem before a question's statements or pairs (all of it when there are none). */
    public static List<String> leadIn(Question q) {
        List<String> parts = stemParts(q);
        return hasList(q) ? parts.subList(0, Math.min(1, parts.size())) : parts;
    }

    /** The stem after a question's statements or pairs, e.g. "Which of the statements … correct?". */
    public static List<String> closing(Question q) {
        List<String> parts = stemParts(q);
        return hasList(q) && parts.size() > 1 ? parts.subList(1, parts.size()) : List.of();
    }

    private static boolean hasList(Question q) {
        return !q.statements().isEmpty() || q.pairs() != null;
    }

    private static List<String> stemParts(Question q) {
        return Arrays.stream(q.stem().split("\n\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Splits stored multi-paragraph text (paragraphs separated by blank lines or newlines). */
    public static List<String> paragraphs(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\n+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
