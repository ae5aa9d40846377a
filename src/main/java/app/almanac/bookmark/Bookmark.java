package app.almanac.bookmark;

import java.time.Instant;
import java.time.LocalDate;

/** A saved article with its owner's note (Markdown as written, and as sanitised HTML). */
public record Bookmark(
        long id, long articleId, String title, String path, LocalDate date, String note, Instant createdAt) {

    /** The note as HTML that is safe to insert into a page. */
    public String noteHtml() {
        return NoteHtml.render(note);
    }
}
