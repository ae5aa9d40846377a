package app.almanac.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.format.DateTimeFormatter;

/**
 * A stored article: its identity and current revision around the content.
 *
 * @param id       database id
 * @param slug     the URL name, unique across the site
 * @param revision 1 for the first save, one more for every change
 * @param content  what the article says
 */
public record Article(
        long id, String slug, int revision, @JsonUnwrapped ArticleContent content) {

    /**
     * The article page's path, e.g. {@code /articles/2024-02-26/some-title}; for a draft that still
     * needs a date, its page on the desk (a reader's address needs the day).
     */
    @JsonProperty("path")
    public String path() {
        return content.date() == null
                ? "/desk/articles/" + id
                : "/articles/" + DateTimeFormatter.ISO_LOCAL_DATE.format(content.date()) + "/" + slug;
    }

    /** Whether this is a draft stored from a page that gave no date: it cannot be published until one is set. */
    public boolean needsDate() {
        return content.date() == null;
    }
}
