package app.almanac.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything an editor or an importer says about one analysis: what is stored, exported and
 * compared to decide whether a re-import changed anything. Identity (id, slug, revision) lives in
 * {@link Article}.
 *
 * @param title       the headline as the publisher wrote it
 * @param date        the day the analysis was published; null only as parsed from a page that gives no
 *                    date (never guessed): it must be supplied before the analysis is stored
 * @param publisher   who wrote it (e.g. a coaching institute), or null
 * @param series      the publisher's series, e.g. "Daily News Analysis", or null
 * @param category    the publisher's category, e.g. "International News", or null
 * @param syllabus    the exam papers it serves, e.g. "GS-II", "Prelims" (may be empty)
 * @param tags        free keywords: organisations, countries, schemes (may be empty)
 * @param context     the one-line "why this is in the news", or null
 * @param credits     picture and text sources
 * @param sections    headed sections in reading order
 * @param questions   practice questions in order
 */
public record ArticleContent(
        String title,
        LocalDate date,
        String publisher,
        String series,
        String category,
        List<String> syllabus,
        List<String> tags,
        String context,
        List<Credit> credits,
        List<Section> sections,
        List<Question> questions) {

    public ArticleContent {
        Objects.requireNonNull(title, "title");
        syllabus = syllabus == null ? List.of() : List.copyOf(syllabus);
        tags = tags == null ? List.of() : List.copyOf(tags);
        credits = credits == null ? List.of() : List.copyOf(credits);
        sections = sections == null ? List.of() : List.copyOf(sections);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The same content dated {@code day} (an importer supplies the date a page does not give). */
    public ArticleContent withDate(java.time.LocalDate day) {
        return new ArticleContent(
                title, day, publisher, series, category, syllabus, tags, context, credits, sections, questions);
    }

    /** The same content with other questions (editors and importers attach questions separately). */
    public ArticleContent withQuestions(List<Question> newQuestions) {
        return new ArticleContent(
                title, date, publisher, series, category, syllabus, tags, context, credits, sections, newQuestions);
    }
}
