package app.almanac.ingest.page;

import app.almanac.article.Block;
import app.almanac.article.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an article's body lines into headed sections of paragraphs, bullet lists and fact tables.
 * A line is a heading when it is short and unpunctuated and something heading-like follows:
 * bullets, a known heading word, a trailing colon, or a question heading ("What is …?").
 * Tables come flattened (two header lines, then a short row label and its paragraphs) or as
 * rows of cells separated by tabs or pipes.
 */
final class BodyReader {

    private static final Set<String> KNOWN_HEADINGS = Set.of(
            "details",
            "reason",
            "reasons",
            "background",
            "significance",
            "way forward",
            "way ahead",
            "conclusion",
            "key highlights",
            "highlights",
            "key points",
            "key takeaways",
            "takeaways",
            "challenges",
            "concerns",
            "impact",
            "implications",
            "analysis",
            "issues",
            "objectives",
            "provisions",
            "key provisions",
            "key features",
            "features",
            "history",
            "timeline",
            "related information",
            "what is it",
            "about",
            "facts",
            "key facts",
            "about the report",
            "findings",
            "key findings",
            "criticism",
            "benefits",
            "significance of the move",
            "current status",
            "way forward and conclusion",
            "outcomes");
    private static final Set<String> QUESTION_WORDS =
            Set.of("what", "why", "how", "who", "which", "when", "where", "is", "are", "does", "do", "can", "should");

    /** The first cell of a flattened table's header row ("Aspects" over "Description"). */
    private static final Set<String> TABLE_HEADERS = Set.of(
            "aspect",
            "aspects",
            "parameter",
            "parameters",
            "feature",
            "features",
            "particulars",
            "attribute",
            "attributes",
            "basis",
            "criteria",
            "category",
            "key facts",
            "facts",
            "detail",
            "details",
            "item");

    private BodyReader() {}

    static List<Section> sections(List<Line> body) {
        return sections(body, Trace.OFF);
    }

    /** The sections of a body, writing down in {@code trace} what each line became. */
    static List<Section> sections(List<Line> body, Trace trace) {
        List<Section> sections = new ArrayList<>();
        int[] runs = runEnds(body);
        String heading = "";
        List<Line> texts = new ArrayList<>();
        boolean inTable = false;
        boolean sawBullet = false;
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            Line next = i + 1 < body.size() ? body.get(i + 1) : null;
            if (isHeading(line, next, inTable)) {
                if (!heading.isEmpty() || !texts.isEmpty()) {
                    sections.add(new Section(heading, blocks(texts, trace)));
                }
                trace.role(line, "heading");
                heading = stripColon(line.plain());
                texts = new ArrayList<>();
                inTable = false;
                sawBullet = false;
                continue;
            }
            if (!inTable && headsTable(body, i, runs)) {
                // a title over a grid of short cells (directly, or after one blank line): the heading of a table
                if (!heading.isEmpty() || !texts.isEmpty()) {
                    sections.add(new Section(heading, blocks(texts, trace)));
                }
                trace.role(line, "heading (over a table)");
                heading = stripColon(line.plain());
                texts = new ArrayList<>();
                sawBullet = false;
                continue;
            }
            if (!inTable && !sawBullet) {
                inTable = startsFlatTable(body, i);
            }
            sawBullet |= line.isBullet();
            texts.add(line);
        }
        if (!heading.isEmpty() || !texts.isEmpty()) {
            sections.add(new Section(heading, blocks(texts, trace)));
        }
        return sections;
    }

    /**
     * Whether body line {@code i} is the title of the table under it (directly, or after one blank line): a
     * short line over a grid, a table of a row per group of lines, or a flattened table whose header starts
     * with a word such as "Aspects", when the line is not itself the table's first cell.
     */
    private static boolean headsTable(List<Line> body, int i, int[] runs) {
        Line line = body.get(i);
        Line next = i + 1 < body.size() ? body.get(i + 1) : null;
        return next != null
                && next.number() - line.number() <= 2
                && line.words() <= 8
                && !line.plain().endsWith(".")
                && (i == 0 || runs[i - 1] != runs[i])
                && !(runs[i] == runs[i + 1] && gridColumns(body, i, runs) > 0) // the line is the grid's first cell
                && (gridColumns(body, i + 1, runs) > 0
                        || next.number() - line.number() == 2
                                && (rowGroups(body, i + 1, runs) > 0
                                        || startsFlatTable(body, i + 1)
                                                && TABLE_HEADERS.contains(
                                                        next.plain().toLowerCase(Locale.ROOT))
                                                && !TABLE_HEADERS.contains(
                                                        line.plain().toLowerCase(Locale.ROOT))));
    }

    private static boolean startsFlatTable(List<Line> lines, int i) {
        return i + 3 < lines.size()
                && keyLike(lines.get(i).plain())
                && keyLike(lines.get(i + 1).plain())
                && keyLike(lines.get(i + 2).plain())
                && !lines.get(i + 3).isBullet();
    }

    static boolean isHeading(Line line, Line nextLine, boolean inTable) {
        String t = line.plain();
        if (line.isBullet() || line.text().contains("\t") || t.contains(" | ")) {
            return false;
        }
        String next = nextLine == null ? null : nextLine.plain();
        boolean bulletsFollow = nextLine != null && nextLine.isBullet();
        if (inTable && !bulletsFollow && !t.startsWith("About ")) {
            return false; // inside a table only bullets or a new "About" end it
        }
        String bare = stripColon(t);
        if (bare.isEmpty() || bare.length() > 120 || endsWithAny(bare, ".,;!")) {
            return false;
        }
        int first = bare.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first) && Character.isLowerCase(first)) {
            return false;
        }
        int words = Line.words(bare);
        if (words > 12) {
            return false;
        }
        boolean about = bare.startsWith("About ");
        if (inTable) {
            return bulletsFollow || about;
        }
        String lower = bare.toLowerCase(Locale.ROOT);
        int firstSpace = bare.indexOf(' ');
        String firstWord = (firstSpace < 0 ? bare : bare.substring(0, firstSpace)).toLowerCase(Locale.ROOT);
        boolean questionHeading = bare.endsWith("?") && words <= 10 && QUESTION_WORDS.contains(firstWord);
        boolean shortBeforeSentence = !bare.endsWith("?")
                && words <= 6
                && !t.endsWith(":")
                && next != null
                && !nextLine.isBullet()
                && next.length() > bare.length() + 20
                && endsWithAny(next, ".!?)\"”")
                && !keyLike(next);
        return bulletsFollow && words <= 10
                || about
                || KNOWN_HEADINGS.contains(lower)
                || t.endsWith(":") && words <= 8
                || questionHeading
                || shortBeforeSentence;
    }

    static List<Block> blocks(List<Line> lines, Trace trace) {
        List<Block> blocks = new ArrayList<>();
        int[] runs = runEnds(lines);
        int i = 0;
        while (i < lines.size()) {
            String t = lines.get(i).plain();
            int from = i;
            String role;
            if (lines.get(i).isBullet()) {
                List<String> items = new ArrayList<>();
                while (i < lines.size() && lines.get(i).isBullet()) {
                    items.add(lines.get(i).bullet().strip());
                    i++;
                }
                blocks.add(new Block.BulletList(items));
                role = "bullet";
            } else if (cells(lines.get(i).text()) != null
                    && i + 1 < lines.size()
                    && cells(lines.get(i + 1).text()) != null) {
                i = cellTable(lines, i, blocks);
                role = "table (a row of cells)";
            } else if ((i == 0 || runs[i - 1] != runs[i]) && gridColumns(lines, i, runs) > 0) {
                int columns = gridColumns(lines, i, runs);
                i = gridTable(lines, i, columns, runs, blocks);
                role = "table (one cell per line)";
            } else if ((i == 0 || runs[i - 1] != runs[i]) && rowGroups(lines, i, runs) > 0) {
                i = rowGroupTable(lines, i, rowGroups(lines, i, runs), runs, blocks);
                role = "table (a row per group of lines)";
            } else if (startsFlatTable(lines, i)) {
                i = flatTable(lines, i, blocks);
                role = "table (two columns, one cell per line)";
            } else {
                blocks.add(new Block.Paragraph(t));
                i++;
                role = "paragraph";
            }
            if (trace.on()) {
                for (int k = from; k < i; k++) {
                    trace.role(lines.get(k), role);
                }
            }
        }
        return blocks;
    }

    /** The cells of a tab- or pipe-separated row, or null when the line is not one. */
    private static List<String> cells(String text) {
        String t = text.strip();
        String[] parts;
        if (t.contains("\t")) {
            parts = t.split("\t");
        } else if (t.contains("|")) {
            parts = t.replaceAll("^\\|\\s*|\\s*\\|$", "").split("\\s*\\|\\s*", -1);
        } else {
            return null;
        }
        return parts.length >= 2 ? List.of(parts).stream().map(String::strip).toList() : null;
    }

    private static int cellTable(List<Line> lines, int start, List<Block> blocks) {
        List<String> header = cells(lines.get(start).text());
        List<List<List<String>>> rows = new ArrayList<>();
        int i = start + 1;
        List<String> row;
        while (i < lines.size() && (row = cells(lines.get(i).text())) != null) {
            i++;
            if (row.stream().allMatch(c -> c.matches(":?-{2,}:?"))) {
                continue; // a Markdown separator row
            }
            rows.add(row.stream()
                    .map(c -> c.isEmpty() ? List.<String>of() : List.of(c))
                    .toList());
        }
        blocks.add(new Block.FactTable(header, rows));
        return i;
    }

    private static int flatTable(List<Line> lines, int start, List<Block> blocks) {
        List<String> header =
                List.of(lines.get(start).plain(), lines.get(start + 1).plain());
        List<List<List<String>>> rows = new ArrayList<>();
        int i = start + 2;
        while (i < lines.size() && !lines.get(i).isBullet()) {
            String key = lines.get(i++).plain();
            List<String> paragraphs = new ArrayList<>();
            // the line after a row label always belongs to the row, even if it is short
            if (i < lines.size() && !lines.get(i).isBullet()) {
                paragraphs.add(lines.get(i++).plain());
            }
            while (i < lines.size()
                    && !lines.get(i).isBullet()
                    && !keyLike(lines.get(i).plain())) {
                paragraphs.add(lines.get(i++).plain());
            }
            rows.add(List.of(List.of(key), paragraphs));
        }
        blocks.add(new Block.FactTable(header, rows));
        return i;
    }

    /**
     * A table of several columns flattened one short cell per line with no blank line between (a header row,
     * then rows): the number of columns, or 0. A count from 2 to 5 fits when it divides the cells into a header
     * and at least two rows whose first cells, like the header's, do not start with a figure. When several fit,
     * the evidence decides: a column of a real table repeats its values ("Virus", "Aedes mosquito" down a
     * Pathogen and a Vector column), so the count whose columns repeat most wins, and the smallest on a tie.
     */
    static int gridColumns(List<Line> lines, int start, int[] runEnds) {
        if (start >= lines.size()) {
            return 0;
        }
        int end = runEnds[start];
        int cells = end - start;
        if (cells < 6
                || end < lines.size()
                        && lines.get(end).number() == lines.get(end - 1).number() + 1
                        && !lines.get(end).isBullet()) {
            return 0;
        }
        int best = 0;
        int bestRepeats = -1;
        double bestContrast = 0;
        for (int n = 2; n <= 5; n++) {
            if (cells % n != 0 || cells / n < 3) {
                continue;
            }
            boolean labels = true;
            for (int c = 0; c < cells && labels; c += (c < n ? 1 : n)) {
                labels = !Character.isDigit(lines.get(start + c).plain().codePointAt(0));
            }
            if (!labels) {
                continue;
            }
            int repeats = 0;
            double[] words = new double[n];
            for (int column = 0; column < n; column++) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int c = n + column; c < cells; c += n) {
                    if (!seen.add(lines.get(start + c).plain())) {
                        repeats++;
                    }
                    words[column] += lines.get(start + c).words();
                }
            }
            // second evidence: row labels are short and the cells beside them longer
            double others = 0;
            for (int column = 1; column < n; column++) {
                others += words[column];
            }
            double contrast = (others / (n - 1) - words[0]) / (cells / n - 1);
            if (repeats > bestRepeats || repeats == bestRepeats && contrast > bestContrast + 0.5) {
                best = n;
                bestRepeats = repeats;
                bestContrast = contrast;
            }
        }
        return best;
    }

    /**
     * For each line, where the run of short cell-like lines starting at it ends (exclusive): lines of at
     * most 8 words, not sentences or bullets, with no blank line between. Worked out once per body, from the end.
     */
    static int[] runEnds(List<Line> lines) {
        int[] ends = new int[lines.size()];
        for (int j = lines.size() - 1; j >= 0; j--) {
            Line l = lines.get(j);
            boolean cell = !l.isBullet() && l.words() <= 12 && !l.plain().endsWith(".");
            if (!cell) {
                ends[j] = j;
            } else if (j + 1 < lines.size()
                    && ends[j + 1] > j + 1
                    && lines.get(j + 1).number() == l.number() + 1) {
                ends[j] = ends[j + 1];
            } else {
                ends[j] = j + 1;
            }
        }
        return ends;
    }

    /**
     * A table flattened with each row's cells on lines of their own and a blank line after each row (the
     * header row first): how many rows it has, header included, or 0. Each row is a run of 2 to 5 short
     * cells, every row has as many as the header, and there are three rows or more.
     */
    static int rowGroups(List<Line> lines, int start, int[] runEnds) {
        if (start >= lines.size()) {
            return 0;
        }
        int width = runEnds[start] - start;
        if (width < 2 || width > 5) {
            return 0;
        }
        int rows = 0;
        int at = start;
        while (at < lines.size() && runEnds[at] - at == width && !lines.get(at).isBullet()) {
            rows++;
            int end = runEnds[at];
            if (end >= lines.size()
                    || lines.get(end).number() != lines.get(end - 1).number() + 2) {
                break; // the next row follows after exactly one blank line
            }
            at = end;
        }
        return rows >= 3 ? rows : 0;
    }

    private static int rowGroupTable(List<Line> lines, int start, int rowCount, int[] runEnds, List<Block> blocks) {
        int width = runEnds[start] - start;
        List<String> header = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            header.add(lines.get(start + c).plain());
        }
        List<List<List<String>>> rows = new ArrayList<>();
        int at = start + width;
        for (int r = 1; r < rowCount; r++) {
            List<List<String>> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(List.of(lines.get(at + c).plain()));
            }
            rows.add(row);
            at += width;
        }
        blocks.add(new Block.FactTable(header, rows));
        return at;
    }

    private static int gridTable(List<Line> lines, int start, int columns, int[] runEnds, List<Block> blocks) {
        int cells = runEnds[start] - start;
        cells -= cells % columns;
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add(lines.get(start + c).plain());
        }
        List<List<List<String>>> rows = new ArrayList<>();
        for (int r = columns; r < cells; r += columns) {
            List<List<String>> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(List.of(lines.get(start + r + c).plain()));
            }
            rows.add(row);
        }
        blocks.add(new Block.FactTable(header, rows));
        return start + cells;
    }

    /** Short, capitalised, unpunctuated: how the first column of a flattened table looks. */
    static boolean keyLike(String t) {
        if (t.isEmpty()
                || t.length() > 60
                || !Character.isUpperCase(t.codePointAt(0)) && !Character.isDigit(t.codePointAt(0))) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (".,;:!?".indexOf(t.charAt(i)) >= 0) {
                return false;
            }
        }
        return !Cues.isBullet(t) && Line.words(t) <= 6;
    }

    private static boolean endsWithAny(String t, String characters) {
        return !t.isEmpty() && characters.indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** "Background:" → "Background"; also drops a trailing dash. */
    static String stripColon(String t) {
        int end = t.length();
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && ":-–".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
            while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
                end--;
            }
        }
        return t.substring(0, end).strip();
    }
}
