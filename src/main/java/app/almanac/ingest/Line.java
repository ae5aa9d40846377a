package app.almanac.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One non-blank line of a text and where it was (1-based). Spaces are collapsed; a tab between
 * two pieces of text is kept, because pasted tables arrive tab-separated.
 */
record Line(int number, String text) {

    static List<Line> split(String normalisedText) {
        List<Line> lines = new ArrayList<>();
        String[] raw = normalisedText.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].strip().replaceAll(" *\t[ \t]*", "\t").replaceAll(" {2,}", " ");
            if (!t.isEmpty()) {
                lines.add(new Line(i + 1, t));
            }
        }
        return lines;
    }

    /** The text with tabs turned back into spaces, for anything that is not a table row. */
    String plain() {
        return text.replace('\t', ' ');
    }
}
