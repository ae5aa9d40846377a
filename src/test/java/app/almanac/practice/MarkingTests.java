package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** UPSC's marking against sums done by hand. */
class MarkingTests {

    private static final List<String> KEY_D = List.of("D");

    private static BigFraction total(List<Marking.Mark> marks) {
        BigFraction sum = BigFraction.ZERO;
        for (Marking.Mark m : marks) {
            sum = sum.add(m.marks());
        }
        return sum;
    }

    @Test
    void sixtyRightTwentyFiveWrongFifteenBlankIs310Over3InGeneralStudies() {
        List<Marking.Mark> marks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            marks.add(Marking.mark(KEY_D, false, "D", MarkingScheme.GS));
        }
        for (int i = 0; i < 25; i++) {
            marks.add(Marking.mark(KEY_D, false, "B", MarkingScheme.GS));
        }
        for (int i = 0; i < 15; i++) {
            marks.add(Marking.mark(KEY_D, false, null, MarkingScheme.GS));
        }
        // 60 × 2 − 25 × 2/3 = 120 − 50/3 = 310/3
        BigFraction score = total(marks);
        assertThat(score).isEqualTo(new BigFraction(310, 3));
        assertThat(Marks.fraction(score)).isEqualTo("310/3");
        assertThat(Marks.decimal(score)).isEqualTo("103.33");
    }

    @Test
    void csatGivesTwoAndAHalfAndTakesFiveSixths() {
        assertThat(Marking.mark(KEY_D, false, "D", MarkingScheme.CSAT).marks()).isEqualTo(new BigFraction(5, 2));
        assertThat(Marking.mark(KEY_D, false, "A", MarkingScheme.CSAT).marks()).isEqualTo(new BigFraction(-5, 6));
        // 30 right, 12 wrong: 75 − 10 = 65
        BigFraction score = new BigFraction(5, 2).multiply(30).add(new BigFraction(-5, 6).multiply(12));
        assertThat(Marks.decimal(score)).isEqualTo("65");
        assertThat(MarkingScheme.parse("CSAT", "2.5 -5/6")).isEqualTo(MarkingScheme.CSAT);
    }

    @Test
    void oneWrongAnswerInGeneralStudiesIsMinusTwoThirdsShownAsMinus067() {
        Marking.Mark wrong = Marking.mark(KEY_D, false, "A", MarkingScheme.GS);
        assertThat(wrong.outcome()).isEqualTo(Marking.Outcome.WRONG);
        assertThat(Marks.fraction(wrong.marks())).isEqualTo("-2/3");
        assertThat(Marks.decimal(wrong.marks())).isEqualTo("-0.67");
        assertThat(Marks.signed(wrong.marks())).isEqualTo("−0.67");
        assertThat(Marks.signed(MarkingScheme.GS.right())).isEqualTo("+2");
    }

    @Test
    void markingMoreThanOneOptionIsWrongUnlessTheKeyHasThemAll() {
        assertThat(Marking.mark(KEY_D, false, "CD", MarkingScheme.GS).outcome()).isEqualTo(Marking.Outcome.WRONG);
        assertThat(Marking.mark(List.of("A", "C"), false, "AC", MarkingScheme.GS)
                        .outcome())
                .isEqualTo(Marking.Outcome.RIGHT);
    }

    @Test
    void aDroppedQuestionOrOneWithoutAKeyEarnsAndCostsNothing() {
        assertThat(Marking.mark(KEY_D, true, "A", MarkingScheme.GS))
                .isEqualTo(new Marking.Mark(Marking.Outcome.NOT_MARKED, BigFraction.ZERO));
        assertThat(Marking.mark(KEY_D, true, "D", MarkingScheme.GS).marks()).isEqualTo(BigFraction.ZERO);
        assertThat(Marking.mark(List.of(), false, "D", MarkingScheme.GS).outcome())
                .isEqualTo(Marking.Outcome.NOT_MARKED);
        assertThat(Marking.mark(KEY_D, false, "", MarkingScheme.GS).outcome()).isEqualTo(Marking.Outcome.BLANK);
    }

    @Test
    void aCorrectedKeyTurnsTheSameAnswerFromWrongToRight() {
        assertThat(Marking.mark(List.of("B"), false, "D", MarkingScheme.GS).outcome())
                .isEqualTo(Marking.Outcome.WRONG);
        assertThat(Marking.mark(KEY_D, false, "D", MarkingScheme.GS).outcome()).isEqualTo(Marking.Outcome.RIGHT);
    }

    @Test
    void aSchemeThatIsNotTwoNumbersIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> MarkingScheme.parse("X", "two"))
                .hasMessageContaining("expected the marks for right and wrong");
        assertThatThrownBy(() -> MarkingScheme.parse("X", "2 minus")).hasMessageContaining("'minus' is not a number");
    }
}
