package app.almanac.ingest.page;

import java.util.ArrayList;
import java.util.List;

/**
 * One non-blank line of a text and where it was (1-based). Spaces are collapsed; a tab between
 * two pieces of text is kept, because pasted tables arrive tab-separated.
 */
final class Line {

    private static final Cues.Metadata NO_METADATA = new Cues.Metadata(List.of(), null, List.of());

    private final int number;
    private final String text;
    private final String plain;
    private final String firstWord;
    private final int kinds;
    private final boolean boilerplate;
    private final String bullet;
    private final int words;
    private Cues.Metadata metadata;

    /**
     * A line, classified once: {@link #plain()} is its text with tabs turned into spaces (for all
     * but table rows), {@link #boilerplate()} says whether it is a share, menu or copyright line,
     * and {@link #bullet()} is the text after a bullet or list number, or null.
     */
    Line(int number, String text) {
        this.number = number;
        this.text = text;
        this.plain = text.indexOf('\t') < 0 ? text : text.replace('\t', ' ');
        this.firstWord = Cues.firstWord(plain);
        this.kinds = Cues.kindsOf(firstWord);
        this.boilerplate =
                (kinds & Cues.BOILERPLATE_START) != 0 && Cues.isBoilerplate(plain, firstWord) || Cues.isMenu(plain);
        this.bullet = Cues.bulletText(plain);
        this.words = words(plain);
    }

    int number() {
        return number;
    }

    String text() {
        return text;
    }

    String plain() {
        return plain;
    }

    /** The leading letters, lower-cased ("share" for "Share this:"), for cheap checks before patterns. */
    String firstWord() {
        return firstWord;
    }

    /** Whether the line's first word can start a line of this kind (a {@code Cues.*_START} bit). */
    boolean may(int kind) {
        return (kinds & kind) != 0;
    }

    /** How many words the line has (worked out once: the parser asks often). */
    int words() {
        return words;
    }

    boolean boilerplate() {
        return boilerplate;
    }

    String bullet() {
        return bullet;
    }

    boolean isBullet() {
        return bullet != null;
    }

    /** What the line says as metadata ("Part of:", "Category:"…), or null; worked out once. */
    Cues.Metadata metadata() {
        if (metadata == null) {
            Cues.Metadata m = may(Cues.METADATA_START) ? Cues.metadata(plain, firstWord) : null;
            metadata = m == null ? NO_METADATA : m;
        }
        return metadata == NO_METADATA ? null : metadata;
    }

    /**
     * What a line looks like on its own, before its place among the others is weighed (a short line
     * may be a heading, a category or a table cell: that is decided in context). Used to explain a
     * parse; worked out on demand.
     */
    enum Kind {
        BOILERPLATE("boilerplate"),
        DATE("date"),
        LABEL("label"),
        CREDIT("credit"),
        PRACTICE_HEADING("practice heading"),
        ANSWER_KEY("answer key"),
        ANSWER("answer"),
        EXPLANATION("explanation"),
        OPTION("option"),
        QUESTION("numbered"),
        BULLET("bullet"),
        TABLE_ROW("table row"),
        QUESTION_LIKE("question"),
        PROSE("prose"),
        SHORT("short line");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    Kind kind() {
        String t = plain;
        if (boilerplate) {
            return Kind.BOILERPLATE;
        }
        if (!(PublishedDates.atStart(t) instanceof PublishedDates.NotFound)) {
            return Kind.DATE;
        }
        if (Cues.isPracticeHeading(this)) {
            return Kind.PRACTICE_HEADING;
        }
        if (QuestionReader.isAnswerKeyHeading(t)) {
            return Kind.ANSWER_KEY;
        }
        if (QuestionReader.looksLikeAnswer(t)) {
            return Kind.ANSWER;
        }
        if (QuestionReader.looksLikeExplanation(t)) {
            return Kind.EXPLANATION;
        }
        if (metadata() != null || Cues.context(this) != null || Cues.isSyllabusHeading(this)) {
            return Kind.LABEL;
        }
        if (Cues.credit(this) != null) {
            return Kind.CREDIT;
        }
        if (QuestionReader.looksLikeOption(t)) {
            return Kind.OPTION;
        }
        if (QuestionReader.looksLikeQuestionStart(t)) {
            return Kind.QUESTION;
        }
        if (bullet != null) {
            return Kind.BULLET;
        }
        if (text.indexOf('\t') >= 0 || t.contains(" | ")) {
            return Kind.TABLE_ROW;
        }
        if (t.endsWith("?")) {
            return Kind.QUESTION_LIKE;
        }
        return words >= 12 || t.endsWith(".") ? Kind.PROSE : Kind.SHORT;
    }

    /** Words separated by spaces, counted without a regular expression. */
    static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    @Override
    public String toString() {
        return number + ": " + text;
    }

    static List<Line> split(String normalisedText) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        int length = normalisedText.length();
        while (start <= length) {
            int end = normalisedText.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            number++;
            String t = unboxed(collapse(normalisedText, start, end));
            if (!t.isEmpty()) {
                lines.add(new Line(number, t));
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * A line of a box drawn with characters ("| text |" between "+-----+" rules), as pages draw
     * previous-year questions: the text inside, and nothing for the rules. A line with more pipes
     * (a table row) is left as it is.
     */
    private static String unboxed(String t) {
        if (t.length() < 2 || (t.charAt(0) != '|' && t.charAt(0) != '+')) {
            return t;
        }
        if (t.charAt(0) == '+' && t.matches("^\\+[-=+]+\\+$")) {
            return "";
        }
        if (t.charAt(0) == '|' && t.charAt(t.length() - 1) == '|' && t.indexOf('|', 1) == t.length() - 1) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** The line trimmed, runs of spaces made one, and spaces around a tab dropped. */
    private static String collapse(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        String line = s.substring(from, to);
        if (line.indexOf("  ") < 0 && line.indexOf('\t') < 0) {
            return line; // the usual case: nothing to collapse
        }
        s = line;
        from = 0;
        to = line.length();
        StringBuilder sb = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t';
            boolean prevSpace = i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t');
            if (space && prevSpace && sb == null) {
                sb = new StringBuilder(to - from).append(s, from, i);
            }
            if (sb != null) {
                if (!space) {
                    sb.append(c);
                } else if (!sb.isEmpty() && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
                    if (c == '\t') {
                        sb.setCharAt(sb.length() - 1, '\t');
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s.substring(from, to) : sb.toString();
    }
}
