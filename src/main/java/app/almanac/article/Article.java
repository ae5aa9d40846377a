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

    /** The article page's path, e.g. {@code /articles/2024-02-26/some-title}. */
    @JsonProperty("path")
    public String path() {
        return "/articles/" + DateTimeFormatter.ISO_LOCAL_DATE.format(content.date()) + "/" + slug;
    }
}
