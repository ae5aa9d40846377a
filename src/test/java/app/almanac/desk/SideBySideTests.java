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

    @Test
    void twoLongTextsThatDifferEverywhereAreTooDifferentToCompareAndCostLittle() {
        String before =
                IntStream.range(0, 23_000).mapToObj(i -> "old line " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 23_000).mapToObj(i -> "new line " + i).collect(Collectors.joining("\n"));
        long start = System.nanoTime();
        SideBySide diff = SideBySide.of(before, after);
        // this pair took 30 s of CPU and 1 GB before the cap; the bound is generous for a slow CI machine
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(diff.tooDifferent()).isTrue();
        assertThat(diff.rows()).isEmpty();
        assertThat(diff.changes()).isEqualTo(23_000);
    }

    @Test
    void aLongTextWithAFewChangesIsStillComparedLineByLine() {
        String before = IntStream.range(0, 23_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 100\n", "line one hundred\n").replace("line 22000\n", "");
        SideBySide diff = SideBySide.of(before, after);
        assertThat(diff.tooDifferent()).isFalse();
        assertThat(diff.changes()).isEqualTo(2);
    }

    @Test
    void aVeryLongChangedLineIsShownChangedWholeWithoutComparingItsWords() {
        String words = IntStream.range(0, 5_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        SideBySide diff = SideBySide.of(words + "\n", words.replace("w7 ", "seven ") + "\n");
        SideBySide.Row row = diff.rows().get(0);
        assertThat(row.tag()).isEqualTo("change");
        assertThat(row.left())
                .singleElement()
                .satisfies(s -> assertThat(s.changed()).isTrue());
    }
}
