package app.almanac.desk;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two revisions' Markdown, line against line, with the changed words marked (java-diff-utils), and
 * long runs of unchanged lines folded to a few lines of context around each change.
 *
 * <p>The work is capped: Myers' algorithm costs (lines × differences) in time and differences²
 * in memory, so two long texts that differ everywhere (a 23,000-line draft took 30 s and 1 GB)
 * are not compared line by line: past {@link #MAX_DIFFERENCES} the answer is "too different"
 * ({@link #tooDifferent()}). Changed words are marked only in lines short enough to compare cheaply.
 *
 * @param rows the lines to show, or none when too different
 * @param changes how many lines changed (when too different: how many lines the longer side has)
 * @param tooDifferent whether the revisions were too different to compare line by line
 */
public record SideBySide(List<Row> rows, int changes, boolean tooDifferent) {

    static final int CONTEXT = 2;

    /** Myers' edit distance bound: a thousand inserted or deleted lines is a rewrite, not an edit. */
    public static final int MAX_DIFFERENCES = 1_000;

    /** Lines longer than this are shown changed as a whole, without comparing their words. */
    static final int MAX_WORD_COMPARED_LINE = 2_000;

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

    private static final DiffRowGenerator LINES = generator(false);
    private static final DiffRowGenerator WORDS = generator(true);

    /** Thrown from inside the diff when it has gone past its budget. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    static SideBySide of(String before, String after) {
        List<String> left = before.lines().toList();
        List<String> right = after.lines().toList();
        Patch<String> patch;
        try {
            patch = DiffUtils.diff(left, right, new MyersDiff<>(), new DiffAlgorithmListener() {
                @Override
                public void diffStart() {}

                @Override
                public void diffStep(int differences, int max) {
                    if (differences > MAX_DIFFERENCES) {
                        throw new OverBudget();
                    }
                }

                @Override
                public void diffEnd() {}
            });
        } catch (OverBudget e) {
            return new SideBySide(List.of(), Math.max(left.size(), right.size()), true);
        }
        List<DiffRow> diff = LINES.generateDiffRows(left, patch);
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
            rows.add(row(diff.get(i)));
        }
        if (folded > 0) {
            rows.add(new Row("fold", List.of(), List.of(), folded));
        }
        return new SideBySide(rows, changes, false);
    }

    private static Row row(DiffRow line) {
        String tag = line.getTag().name().toLowerCase(Locale.ROOT);
        String old = line.getOldLine();
        String changed = line.getNewLine();
        if (line.getTag() != DiffRow.Tag.CHANGE) {
            boolean whole = line.getTag() != DiffRow.Tag.EQUAL;
            return new Row(tag, whole(old, whole), whole(changed, whole), 0);
        }
        if (old.length() > MAX_WORD_COMPARED_LINE || changed.length() > MAX_WORD_COMPARED_LINE) {
            return new Row(tag, whole(old, true), whole(changed, true), 0);
        }
        DiffRow words = WORDS.generateDiffRows(List.of(old), List.of(changed)).get(0);
        return new Row(tag, segments(words.getOldLine()), segments(words.getNewLine()), 0);
    }

    private static List<Segment> whole(String line, boolean changed) {
        return line.isEmpty() ? List.of() : List.of(new Segment(line, changed));
    }

    private static DiffRowGenerator generator(boolean words) {
        return DiffRowGenerator.create()
                .showInlineDiffs(words)
                .inlineDiffByWord(words)
                .mergeOriginalRevised(false)
                // markers instead of HTML: the library would write tags; the template escapes instead
                .lineNormalizer(line -> line.replace(START, ' ').replace(END, ' '))
                .oldTag(start -> start ? String.valueOf(START) : String.valueOf(END))
                .newTag(start -> start ? String.valueOf(START) : String.valueOf(END))
                .build();
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
