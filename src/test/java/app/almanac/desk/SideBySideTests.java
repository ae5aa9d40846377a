package app.almanac.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SideBySideTests {

    private static String text(SideBySide.Row row, boolean left) {
        return (left ? row.left() : row.right())
                .stream().map(SideBySide.Segment::text).collect(Collectors.joining());
    }

    @Test
    void marksTheChangedWordsAndKeepsTheRestOfTheLinePlain() {
        SideBySide diff = SideBySide.of("restore three wetlands <b>now</b>\n", "restore five wetlands <b>now</b>\n");
        assertThat(diff.changes()).isEqualTo(1);
        SideBySide.Row row = diff.rows().get(0);
        assertThat(text(row, true)).isEqualTo("restore three wetlands <b>now</b>");
        assertThat(text(row, false)).isEqualTo("restore five wetlands <b>now</b>");
        assertThat(row.left())
                .filteredOn(SideBySide.Segment::changed)
                .extracting(SideBySide.Segment::text)
                .containsExactly("three");
        assertThat(row.right())
                .filteredOn(SideBySide.Segment::changed)
                .extracting(SideBySide.Segment::text)
                .containsExactly("five");
    }

    @Test
    void foldsLongRunsOfUnchangedLinesAroundEachChange() {
        String before = IntStream.range(0, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 20", "line twenty");
        SideBySide diff = SideBySide.of(before, after);
        assertThat(diff.rows()).extracting(SideBySide.Row::folded).containsExactly(18, 0, 0, 0, 0, 0, 17);
        assertThat(text(diff.rows().get(3), false)).isEqualTo("line twenty");
    }

    @Test
    void addedAndRemovedLinesHaveAnEmptySide() {
        SideBySide diff = SideBySide.of("a\nb\n", "a\nb\nc\n");
        assertThat(diff.rows().get(diff.rows().size() - 1).tag()).isEqualTo("insert");
        assertThat(diff.rows().get(diff.rows().size() - 1).left()).isEmpty();
    }
}
