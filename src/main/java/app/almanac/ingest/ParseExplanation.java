package app.almanac.ingest;

import java.util.List;

/**
 * How a text was read, line by line: what kind of line each one looked like, and what it became
 * in the parse (title, date, category, context, heading, table, question, option, answer…, or
 * skipped and why), with the choices the parser is unsure of and the parse itself.
 *
 * @param format  how the file was read: text, markdown, html or json
 * @param lines   every non-blank line, in order (empty for formats read from their markup)
 * @param unsure  choices to check, each at its line (0: the text as a whole)
 * @param result  the parse, exactly as an import would see it
 */
public record ParseExplanation(String format, List<Reading> lines, List<Diagnostic> unsure, ParseResult result) {

    public ParseExplanation {
        lines = List.copyOf(lines);
        unsure = List.copyOf(unsure);
    }

    /**
     * One line: its number (1-based, counting blank lines), its text, the kind it looks like on its own
     * ({@link Line.Kind}), and what the parser made of it in its place ("—" when nothing: read as
     * part of nothing).
     */
    public record Reading(int number, String text, String kind, String became) {}

    /** Whether the parser is sure of everything it chose. */
    public boolean sure() {
        return unsure.isEmpty();
    }
}
