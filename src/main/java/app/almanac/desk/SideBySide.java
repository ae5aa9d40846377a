package app.almanac.desk;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.List;

/** Two revisions' Markdown, line against line, with what changed marked (java-diff-utils). */
public record SideBySide(List<Row> rows, int changes) {

    /** One line pair; the texts are plain (the template escapes them), the tag says how they differ. */
    public record Row(String tag, String left, String right) {}

    static SideBySide of(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(false)
                .ignoreWhiteSpaces(false)
                .lineNormalizer(line -> line) // the library would HTML-escape; the template escapes instead
                .build();
        List<DiffRow> diff = generator.generateDiffRows(before.lines().toList(), after.lines().toList());
        List<Row> rows = diff.stream().map(r -> new Row(r.getTag().name().toLowerCase(java.util.Locale.ROOT),
                r.getOldLine(), r.getNewLine())).toList();
        return new SideBySide(rows, (int) rows.stream().filter(r -> !r.tag().equals("equal")).count());
    }

}
