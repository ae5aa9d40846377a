package app.almanac.desk;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two revisions' Markdown, line against line, with the changed words marked (java-diff-utils), and
 * long runs of unchanged lines folded to a few lines of context around each change.
 */
public record SideBySide(List<Row> rows, int changes) {

    static final int CONTEXT = 2;
    private static final char START = '\u0001';
    private static final char END = '\u0002';

    /** A piece of a line: plain text (the template escapes it) and whether it changed. */
    public record Segment(String text, boolean changed) {}

    /** One line pair, or a fold of {@code folded} unchanged lines. */
    public record Row(String tag, List<Segment> left, List<Segment> right, int folded) {
        public boolean fold() {
            return folded > 0;
        }
    }

    static SideBySide of(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(true)
                .mergeOriginalRevised(false)
                // markers instead of HTML: the library would write tags; the template escapes instead
                .lineNormalizer(line -> line.replace(START, ' ').replace(END, ' '))
                .oldTag(start -> start ? String.valueOf(START) : String.valueOf(END))
                .newTag(start -> start ? String.valueOf(START) : String.valueOf(END))
                .build();
        List<DiffRow> diff = generator.generateDiffRows(
                before.lines().toList(), after.lines().toList());
        boolean[] near = new boolean[diff.size()];
        int changes = 0;
        for (int i = 0; i < diff.size(); i++) {
            if (diff.get(i).getTag() != DiffRow.Tag.EQUAL) {
                changes++;
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(diff.size() - 1, i + CONTEXT); j++) {
                    near[j] = true;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int folded = 0;
        for (int i = 0; i < diff.size(); i++) {
            if (!near[i]) {
                folded++;
                continue;
            }
            if (folded > 0) {
                rows.add(new Row("fold", List.of(), List.of(), folded));
                folded = 0;
            }
            DiffRow r = diff.get(i);
            rows.add(new Row(
                    r.getTag().name().toLowerCase(Locale.ROOT), segments(r.getOldLine()), segments(r.getNewLine()), 0));
        }
        if (folded > 0) {
            rows.add(new Row("fold", List.of(), List.of(), folded));
        }
        return new SideBySide(rows, changes);
    }

    private static List<Segment> segments(String marked) {
        List<Segment> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean changed = false;
        for (char c : marked.toCharArray()) {
            if (c == START || c == END) {
                if (!text.isEmpty()) {
                    out.add(new Segment(text.toString(), changed));
                    text.setLength(0);
                }
                changed = c == START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            out.add(new Segment(text.toString(), changed));
        }
        return out;
    }
}
