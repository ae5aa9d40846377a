package app.almanac.ingest.page;

import app.almanac.article.Credit;
import app.almanac.ingest.read.Refusal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines that describe an article rather than tell it: credits, labels (syllabus, category,
 * tags), the context and the date line. One reading for pasted text and saved pages alike; each
 * reader decides only where in its input such lines may be.
 */
final class Header {

    /** A credit longer than this is a sentence that starts like one ("Sources say…"), not a credit. */
    private static final int MAX_CREDIT = 300;

    private static final Pattern DATE_LABEL = Pattern.compile(
            "^(?:date|dated|published(?:\\s+on)?|updated(?:\\s+on)?|posted(?:\\s+on)?)\\s*[:\\-–]?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);

    /** A date line: the day, and what follows the date on the line (often the category), or "". */
    record Dated(LocalDate date, String rest) {}

    private Header() {}

    /**
     * The credit a line gives ("Source: PIB", "Picture Courtesy: …"), or null; {@code link} is the
     * line's own link in a saved page (null in text, where a credit that is an address links to itself).
     */
    static Credit credit(Line line, String link) {
        Matcher m = Cues.credit(line);
        if (m == null || m.group(2).length() >= MAX_CREDIT) {
            return null;
        }
        String value = m.group(2).strip();
        return new Credit(
                Cues.titleCase(m.group(1)),
                value,
                link != null ? link : Cues.URL.matcher(value).matches() ? value : null);
    }

    /**
     * The context a line gives ("Context: …", "In news: …", "Why in News?"): the text after its label,
     * "" when the label stands alone (the context is what follows), or null when it is no context line.
     */
    static String context(Line line) {
        Matcher m = Cues.context(line);
        return m == null ? null : m.group(1).strip();
    }

    /** What a labels line says ("Part of:", "Syllabus:", "Category:", "Tags:"…), or null. */
    static Cues.Metadata labels(Line line) {
        return line.metadata();
    }

    /**
     * The date of a date line: a date at its start ("26th February, 2024 International News") or after a
     * label ("Published on: 26-02-2024"); empty when it is none. A day that does not exist where a date
     * line is expected refuses the page at that line.
     */
    static Optional<Dated> date(Line line) {
        Optional<PublishedDates.Found> found = dateAtStart(line);
        if (found.isPresent()) {
            String rest = line.plain()
                    .substring(found.get().end())
                    .replaceFirst("^[\\s|,·•:\\-–—]+", "")
                    .strip();
            return Optional.of(new Dated(found.get().date(), rest));
        }
        return labelledDate(line).map(day -> new Dated(day, ""));
    }

    /** A date at the start of a line where a date line is expected: a day that does not exist refuses the page. */
    static Optional<PublishedDates.Found> dateAtStart(Line line) {
        PublishedDates.Scan scan = PublishedDates.atStart(line.plain());
        if (scan instanceof PublishedDates.Impossible impossible) {
            throw new Refusal(line.number(), impossible.message());
        }
        return scan instanceof PublishedDates.Found found ? Optional.of(found) : Optional.empty();
    }

    /** "Published on: 26-02-2024", "Date – 26 Feb 2024": a date after a label. */
    static Optional<LocalDate> labelledDate(Line line) {
        if (!line.may(Cues.DATE_LABEL_START)) {
            return Optional.empty();
        }
        Matcher m = DATE_LABEL.matcher(line.plain());
        if (!m.matches()) {
            return Optional.empty();
        }
        return dateAtStart(new Line(line.number(), m.group(1))).map(PublishedDates.Found::date);
    }
}
