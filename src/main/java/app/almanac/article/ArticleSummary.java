package app.almanac.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** What a list of articles shows about each one. */
public record ArticleSummary(
        long id,
        String slug,
        String title,
        LocalDate date,
        String publisher,
        String category,
        String context,
        Instant updated) {

    /** The article page's path. */
    public String path() {
        return "/articles/" + DateTimeFormatter.ISO_LOCAL_DATE.format(date) + "/" + slug;
    }
}
