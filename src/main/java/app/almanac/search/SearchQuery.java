package app.almanac.search;

import app.almanac.shared.BadRequestException;
import java.time.LocalDate;

/**
 * What a reader asked for. Every field but the text is optional (null).
 *
 * @param text     the words, with "quotes" for phrases and OR/NOT/- as in most search boxes
 * @param category only this category
 * @param tag      only articles with this tag
 * @param syllabus only articles for this paper
 * @param from     published on or after
 * @param to       published on or before
 * @param byDate   newest first instead of best first
 * @param page     1-based
 */
public record SearchQuery(
        String text,
        String category,
        String tag,
        String syllabus,
        LocalDate from,
        LocalDate to,
        boolean byDate,
        int page) {

    /** Longer queries are cut: no one types more, and parsing stays cheap. */
    public static final int MAX_LENGTH = 300;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        category = blankToNull(category);
        tag = blankToNull(tag);
        syllabus = blankToNull(syllabus);
        if (page > MAX_PAGE) {
            // page × page size must stay an int, and nobody reads a thousand pages of results
            throw new BadRequestException(
                    "There are at most " + MAX_PAGE + " pages of results; page " + page + " is past them.");
        }
        page = Math.max(page, 1);
    }

    /** The last page of results anyone may ask for. */
    public static final int MAX_PAGE = 1000;

    public boolean isEmpty() {
        return text.isEmpty() && category == null && tag == null && syllabus == null && from == null && to == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
