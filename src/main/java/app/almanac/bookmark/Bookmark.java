package app.almanac.bookmark;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A saved article with its owner's note (Markdown as written, and as sanitised HTML). The title,
 * address and date are null while the article is not published: what an editor changes off the
 * site is not public, so a bookmark does not show it.
 */
public record Bookmark(
        long id, long articleId, String title, String path, LocalDate date, String note, Instant createdAt) {

    /** Whether the article is on the site, so that the bookmark can show and link it. */
    public boolean published() {
        return path != null;
    }

    /** The note as HTML that is safe to insert into a page. */
    public String noteHtml() {
        return NoteHtml.render(note);
    }
}
