package app.almanac.article;

import java.time.Instant;
import java.time.LocalDate;

/** An article as the desk lists it: where it is in the workflow and which revision is current. */
public record Editorial(
        long id,
        String slug,
        String title,
        LocalDate date,
        Status status,
        Instant publishAt,
        int revision,
        Instant updatedAt) {

    /** The reader's path, e.g. {@code /articles/2024-02-26/some-title} (only published articles answer there). */
    public String path() {
        return date == null ? "/desk/articles/" + id : "/articles/" + date + "/" + slug;
    }

    /** Whether the article still needs a publication date before it can be published. */
    public boolean needsDate() {
        return date == null;
    }
}
