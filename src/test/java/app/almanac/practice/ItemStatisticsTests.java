package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.almanac.practice.ItemStatistics.AttemptMarks;
import app.almanac.practice.ItemStatistics.Difficulty;
import app.almanac.practice.ItemStatistics.Item;
import app.almanac.practice.ItemStatistics.ItemMark;
import app.almanac.practice.ItemStatistics.Quiz;
import app.almanac.practice.ItemStatistics.Report;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Moodle's item statistics against sums done by hand.
 *
 * <p>Every question is a General Studies one: +2 right, −2/3 wrong, 0 blank. The hand sums are in
 * thirds of a mark ("u") so that they stay whole numbers: right = 6u, wrong = −2u, max = 6u.
 * Facility, standard deviation as a percentage of the max, correlations and Cronbach's alpha do not
 * change with the unit. With s attempts, "Sxx" below is Σ(x − x̄)² = Σx² − (Σx)²/s, and "Sxy" is
 * Σ(x − x̄)(y − ȳ) = Σxy − Σx·Σy/s; a variance or covariance is one of these over s − 1, which
 * cancels in every ratio. y is the rest of the test: the attempt's total less x.
 */
class ItemStatisticsTests {

    private static final BigFraction RIGHT = new BigFraction(2);
    private static final BigFraction WRONG = new BigFraction(-2, 3);
    private static final BigFraction BLANK = BigFraction.ZERO;
    private static final BigFraction MAX = new BigFraction(2);

    private static final double EPS = 1e-6;

    /** One attempt at questions 1, 2, 3… in order, each worth 2; its total is the marks' sum. */
    private static AttemptMarks attempt(BigFraction... marks) {
        List<ItemMark> items = new ArrayList<>();
        BigFraction total = BigFraction.ZERO;
        for (int q = 0; q < marks.length; q++) {
            items.add(new ItemMark(q + 1, marks[q], MAX));
            total = total.add(marks[q]);
        }
        return new AttemptMarks(total, MAX.multiply(marks.length), items);
    }

    /*
     * Six learners A–F, strongest first, four questions (in u):
     *
     *        Q1  Q2  Q3  Q4 | total T
     *   A     6   6   6   6 |  24
     *   B     6   6   0   6 |  18
     *   C     6   0   6  -2 |  10
     *   D     6   6  -2   0 |  10
     *   E     0   0   0  -2 |  -2
     *   F    -2   0  -2   0 |  -4
     */
    private static List<AttemptMarks> sixLearners() {
        return List.of(
                attempt(RIGHT, RIGHT, RIGHT, RIGHT),
                attempt(RIGHT, RIGHT, BLANK, RIGHT),
                attempt(RIGHT, BLANK, RIGHT, WRONG),
                attempt(RIGHT, RIGHT, WRONG, BLANK),
                attempt(BLANK, BLANK, BLANK, WRONG),
                attempt(WRONG, BLANK, WRONG, BLANK));
    }

    @Test
    void anEasyQuestionThatRanksLearnersLikeTheRestOfTheTestHasFullDiscriminativeEfficiency() {
        Item q1 = ItemStatistics.of(sixLearners(), 5).item(1);
        // x = 6 6 6 6 0 −2: Σx = 22, Σx² = 4·36 + 4 = 148, Sxx = 148 − 22²/6 = 202/3
        // y = T − x = 18 12 4 4 −2 −2: Σy = 34, Σy² = 324 + 144 + 16 + 16 + 4 + 4 = 508,
        //     Syy = 508 − 34²/6 = 946/3
        // Σxy = 108 + 72 + 24 + 24 + 0 + 4 = 232, Sxy = 232 − 22·34/6 = 322/3
        //
        // facility = mean / max = (22/6) / 6 = 11/18 = 61.111…%
        // sd = sqrt(Sxx / 5) / 6 = sqrt(202/15) / 6 = 3.669696 / 6 = 61.1616%
        // discrimination = Sxy / sqrt(Sxx·Syy) = 322 / sqrt(202·946) = 322 / 437.1407 = 73.6605%
        // sorted x = −2 0 6 6 6 6, sorted y = −2 −2 4 4 12 18: Σ = 4 + 0 + 24 + 24 + 72 + 108 = 232,
        //     the same as Σxy (the question orders the learners exactly as the rest does), so
        //     efficiency = Sxy / Sxymax = 100%
        assertThat(q1.attempts()).isEqualTo(6);
        assertThat(q1.enoughAttempts()).isTrue();
        assertThat(q1.facility()).isCloseTo(1100.0 / 18, within(EPS));
        assertThat(q1.standardDeviation()).isCloseTo(100 * Math.sqrt(202.0 / 15) / 6, within(EPS));
        assertThat(q1.standardDeviation()).isCloseTo(61.161595, within(EPS));
        assertThat(q1.discriminationIndex()).isCloseTo(73.660493, within(EPS));
        assertThat(q1.discriminativeEfficiency()).isCloseTo(100, within(EPS));
        assertThat(q1.difficulty()).isEqualTo(Difficulty.ABOUT_RIGHT);
        assertThat(q1.negativeDiscrimination()).isFalse();
        assertThat(q1.lowDiscriminativeEfficiency()).isFalse();
        assertThat(q1.nobodyRight()).isFalse();
    }

    @Test
    void questionsOfTheSixLearnersMatchTheirHandSums() {
        Report report = ItemStatistics.of(sixLearners(), 5);

        // Q2: x = 6 6 0 6 0 0: Σx = 18, Σx² = 108, Sxx = 108 − 18²/6 = 54
        //     y = 18 12 10 4 −2 −4: Σy = 38, Σy² = 324 + 144 + 100 + 16 + 4 + 16 = 604,
        //     Syy = 604 − 38²/6 = 1090/3
        //     Σxy = 108 + 72 + 0 + 24 + 0 + 0 = 204, Sxy = 204 − 18·38/6 = 90
        //     facility = 3/6 = 50%; sd = sqrt(54/5)/6 = 3.286335/6 = 54.7723%
        //     discrimination = 90 / sqrt(54·1090/3) = 90 / sqrt(19620) = 90 / 140.0714 = 64.2529%
        //     sorted x = 0 0 0 6 6 6, sorted y = −4 −2 4 10 12 18: Σ = 6·(10 + 12 + 18) = 240,
        //     Sxymax = 240 − 114 = 126; efficiency = 90/126 = 5/7 = 71.4286%
        Item q2 = report.item(2);
        assertThat(q2.facility()).isCloseTo(50, within(EPS));
        assertThat(q2.standardDeviation()).isCloseTo(54.772256, within(EPS));
        assertThat(q2.discriminationIndex()).isCloseTo(100 * 90 / Math.sqrt(19620), within(EPS));
        assertThat(q2.discriminationIndex()).isCloseTo(64.252941, within(EPS));
        assertThat(q2.discriminativeEfficiency()).isCloseTo(500.0 / 7, within(EPS));
        assertThat(q2.difficulty()).isEqualTo(Difficulty.ABOUT_RIGHT);

        // Q3: x = 6 0 6 −2 0 −2: Σx = 8, Σx² = 36 + 36 + 4 + 4 = 80, Sxx = 80 − 64/6 = 208/3
        //     y = 18 18 4 12 −2 −2: Σy = 48, Σy² = 324 + 324 + 16 + 144 + 4 + 4 = 816,
        //     Syy = 816 − 48²/6 = 432
        //     Σxy = 108 + 0 + 24 − 24 + 0 + 4 = 112, Sxy = 112 − 8·48/6 = 48
        //     facility = (8/6)/6 = 2/9 = 22.222…%; sd = sqrt(208/15)/6 = 3.723797/6 = 62.0633%
        //     discrimination = 48 / sqrt(208/3 · 432) = 48 / sqrt(29952) = 48 / 173.0665 = 27.7350%
        //     sorted x = −2 −2 0 0 6 6, sorted y = −2 −2 4 12 18 18: Σ = 4 + 4 + 0 + 0 + 108 + 108
        //     = 224, Sxymax = 224 − 64 = 160; efficiency = 48/160 = 30%
        Item q3 = report.item(3);
        assertThat(q3.facility()).isCloseTo(200.0 / 9, within(EPS));
        assertThat(q3.standardDeviation()).isCloseTo(62.063289, within(EPS));
        assertThat(q3.discriminationIndex()).isCloseTo(27.735010, within(EPS));
        assertThat(q3.discriminativeEfficiency()).isCloseTo(30, within(EPS));
        assertThat(q3.difficulty()).isEqualTo(Difficulty.MODERATELY_DIFFICULT);

        // Q4: x = 6 6 −2 0 −2 0: Σx = 8, Σx² = 80, Sxx = 208/3 (as Q3)
        //     y = 18 12 12 10 0 −4: Σy = 48, Σy² = 324 + 144 + 144 + 100 + 0 + 16 = 728,
        //     Syy = 728 − 384 = 344
        //     Σxy = 108 + 72 − 24 + 0 + 0 + 0 = 156, Sxy = 156 − 64 = 92
        //     discrimination = 92 / sqrt(208/3 · 344) = 92 / sqrt(23850.667) = 92 / 154.4366
        //     = 59.5714%
        //     sorted x = −2 −2 0 0 6 6, sorted y = −4 0 10 12 12 18: Σ = 8 + 0 + 0 + 0 + 72 + 108
        //     = 188, Sxymax = 188 − 64 = 124; efficiency = 92/124 = 23/31 = 74.1935%
        Item q4 = report.item(4);
        assertThat(q4.facility()).isCloseTo(200.0 / 9, within(EPS));
        assertThat(q4.standardDeviation()).isCloseTo(62.063289, within(EPS));
        assertThat(q4.discriminationIndex()).isCloseTo(59.571367, within(EPS));
        assertThat(q4.discriminativeEfficiency()).isCloseTo(2300.0 / 31, within(EPS));

        assertThat(report.items()).extracting(Item::questionId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(report.items())
                .noneMatch(Item::negativeDiscrimination)
                .noneMatch(Item::lowDiscriminativeEfficiency)
                .noneMatch(Item::nobodyRight);
    }

    @Test
    void theSixLearnersTestHasACoefficientOfInternalConsistencyOfSeventyFivePercent() {
        Quiz quiz = ItemStatistics.of(sixLearners(), 5).quiz();
        // T = 24 18 10 10 −2 −4: ΣT = 56, ΣT² = 576 + 324 + 100 + 100 + 4 + 16 = 1120,
        //     STT = 1120 − 56²/6 = 1792/3
        // Σ Sxx over the questions = 202/3 + 54 + 208/3 + 208/3 = 780/3 = 260
        // alpha = 4/3 · (1 − 260 / (1792/3)) = 4/3 · (1 − 780/1792) = 4/3 · 1012/1792 = 253/336
        //     = 75.2976%
        // error ratio = 100 · sqrt(1 − 253/336) = 100 · sqrt(83/336) = 49.7015%
        // sd = sqrt(STT / 5) u = sqrt(1792/15) / 3 marks = 10.930081 / 3 = 3.643360 marks
        // standard error = 0.497015 · 3.643360 = 1.810804 marks
        // mean = 56/6 u = 28/9 marks
        assertThat(quiz.attempts()).isEqualTo(6);
        assertThat(quiz.items()).isEqualTo(4);
        assertThat(quiz.sameQuestions()).isTrue();
        assertThat(quiz.maxMark()).isEqualTo(new BigFraction(8));
        assertThat(quiz.mean()).isCloseTo(28.0 / 9, within(EPS));
        assertThat(quiz.standardDeviation()).isCloseTo(Math.sqrt(1792.0 / 15) / 3, within(EPS));
        assertThat(quiz.coefficientOfInternalConsistency()).isCloseTo(25300.0 / 336, within(EPS));
        assertThat(quiz.coefficientOfInternalConsistency()).isCloseTo(75.297619, within(EPS));
        assertThat(quiz.errorRatio()).isCloseTo(100 * Math.sqrt(83.0 / 336), within(EPS));
        assertThat(quiz.errorRatio()).isCloseTo(49.701490, within(EPS));
        assertThat(quiz.standardError()).isCloseTo(1.810804, within(EPS));
    }

    @Test
    void aQuestionTheStrongerLearnersGetWrongIsFlaggedForNegativeDiscrimination() {
        // In u:   Q1  Q2  Q3  Q4 | T
        //   A      6   6   6  -2 | 16
        //   B      6   6   0   0 | 12
        //   C      6   0   6   0 | 12
        //   D      0   6   0   6 | 12
        //   E      0   0  -2   6 |  4
        //   F      0  -2   0   6 |  4
        Report report = ItemStatistics.of(
                List.of(
                        attempt(RIGHT, RIGHT, RIGHT, WRONG),
                        attempt(RIGHT, RIGHT, BLANK, BLANK),
                        attempt(RIGHT, BLANK, RIGHT, BLANK),
                        attempt(BLANK, RIGHT, BLANK, RIGHT),
                        attempt(BLANK, BLANK, WRONG, RIGHT),
                        attempt(BLANK, WRONG, BLANK, RIGHT)),
                5);

        // Q4: x = −2 0 0 6 6 6: Σx = 16, Σx² = 4 + 3·36 = 112, Sxx = 112 − 16²/6 = 208/3
        //     y = 18 12 12 6 −2 −2: Σy = 44, Σy² = 324 + 144 + 144 + 36 + 4 + 4 = 656,
        //     Syy = 656 − 44²/6 = 1000/3
        //     Σxy = −36 + 0 + 0 + 36 − 12 − 12 = −24, Sxy = −24 − 16·44/6 = −424/3
        //     discrimination = −424 / sqrt(208·1000) = −424 / 456.0702 = −92.9682%
        //     sorted x = −2 0 0 6 6 6, sorted y = −2 −2 6 12 12 18: Σ = 4 + 0 + 0 + 72 + 72 + 108
        //     = 256, Sxymax = 256 − 352/3 = 416/3; efficiency = −424/416 = −101.9231% (a negative
        //     covariance can go below −Sxymax: the bound is on the positive side)
        Item q4 = report.item(4);
        assertThat(q4.facility()).isCloseTo(400.0 / 9, within(EPS));
        assertThat(q4.discriminationIndex()).isCloseTo(-100 * 424 / Math.sqrt(208000), within(EPS));
        assertThat(q4.discriminationIndex()).isCloseTo(-92.968150, within(EPS));
        assertThat(q4.discriminativeEfficiency()).isCloseTo(-100.0 * 424 / 416, within(EPS));
        assertThat(q4.negativeDiscrimination()).isTrue();
        assertThat(q4.lowDiscriminativeEfficiency()).isTrue();

        // Q1 still discriminates the right way, if barely, and Moodle would call it dubious:
        //     x = 6 6 6 0 0 0: Σx = 18, Σx² = 108, Sxx = 108 − 54 = 54
        //     y = 10 6 6 12 4 4: Σy = 42, Σy² = 100 + 36 + 36 + 144 + 16 + 16 = 348,
        //     Syy = 348 − 42²/6 = 54
        //     Σxy = 60 + 36 + 36 = 132, Sxy = 132 − 18·42/6 = 6
        //     discrimination = 6 / sqrt(54·54) = 1/9 = 11.1111%
        //     sorted x = 0 0 0 6 6 6, sorted y = 4 4 6 6 10 12: Σ = 6·(6 + 10 + 12) = 168,
        //     Sxymax = 168 − 126 = 42; efficiency = 6/42 = 14.2857%, under 15
        Item q1 = report.item(1);
        assertThat(q1.discriminationIndex()).isCloseTo(100.0 / 9, within(EPS));
        assertThat(q1.discriminativeEfficiency()).isCloseTo(100.0 / 7, within(EPS));
        assertThat(q1.negativeDiscrimination()).isFalse();
        assertThat(q1.lowDiscriminativeEfficiency()).isTrue();

        // T = 16 12 12 12 4 4: ΣT = 60, ΣT² = 256 + 3·144 + 16 + 16 = 720, STT = 720 − 600 = 120
        // Σ Sxx = 54 + 208/3 + 178/3 + 208/3 = 54 + 198 = 252 (Q2: Σx = 16, Σx² = 112 → 208/3;
        //     Q3: x = 6 0 6 0 −2 0, Σx = 10, Σx² = 76 → 76 − 100/6 = 178/3)
        // alpha = 4/3 · (1 − 252/120) = 4/3 · (−11/10) = −22/15: a test at odds with itself
        assertThat(report.quiz().coefficientOfInternalConsistency()).isCloseTo(-2200.0 / 15, within(EPS));
    }

    @Test
    void aQuestionNobodyGotRightIsFlaggedAndItsNegativeMarksGiveANegativeFacility() {
        // In u:   Q1  Q2 | T
        //   A      6   0 |  6
        //   B      6  -2 |  4
        //   C      0   0 |  0
        //   D      6  -2 |  4
        //   E      0   0 |  0
        Report report = ItemStatistics.of(
                List.of(
                        attempt(RIGHT, BLANK),
                        attempt(RIGHT, WRONG),
                        attempt(BLANK, BLANK),
                        attempt(RIGHT, WRONG),
                        attempt(BLANK, BLANK)),
                5);

        // Q2: x = 0 −2 0 −2 0: Σx = −4, Σx² = 8, Sxx = 8 − 16/5 = 24/5
        //     facility = mean / max = (−4/5) / 6 = −2/15 = −13.333% (Moodle's mark / max mark, not
        //     rescaled from the −2/3 minimum)
        //     sd = sqrt((24/5) / 4) / 6 = sqrt(6/5) / 6 = 1.095445 / 6 = 18.2574%
        //     y = 6 6 0 6 0: Σy = 18, Σy² = 108, Syy = 108 − 324/5 = 216/5
        //     Σxy = −12 − 12 = −24, Sxy = −24 − (−4)(18)/5 = −48/5
        //     discrimination = (−48/5) / sqrt(24/5 · 216/5) = −48 / sqrt(5184) = −48/72 = −66.667%
        //     sorted x = −2 −2 0 0 0, sorted y = 0 0 6 6 6: Σ = 0, Sxymax = 0 + 72/5 = 72/5;
        //     efficiency = −48/72 = −66.667%
        Item q2 = report.item(2);
        assertThat(q2.nobodyRight()).isTrue();
        assertThat(q2.facility()).isCloseTo(-40.0 / 3, within(EPS));
        assertThat(q2.difficulty()).isEqualTo(Difficulty.EXTREMELY_DIFFICULT);
        assertThat(q2.difficulty().label).isEqualTo("Extremely difficult");
        assertThat(q2.standardDeviation()).isCloseTo(100 * Math.sqrt(6.0 / 5) / 6, within(EPS));
        assertThat(q2.discriminationIndex()).isCloseTo(-200.0 / 3, within(EPS));
        assertThat(q2.discriminativeEfficiency()).isCloseTo(-200.0 / 3, within(EPS));
        assertThat(q2.negativeDiscrimination()).isTrue();

        // Q1: 6 6 0 6 0, three of five right: facility = (18/5)/6 = 60%
        Item q1 = report.item(1);
        assertThat(q1.nobodyRight()).isFalse();
        assertThat(q1.facility()).isCloseTo(60, within(EPS));
    }

    @Test
    void aQuestionEveryoneScoresTheSameOnHasNoSpreadAndNoDiscrimination() {
        // Everyone right on Q1 and wrong on Q2: every total is 2 − 2/3 = 4/3.
        List<AttemptMarks> attempts = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            attempts.add(attempt(RIGHT, WRONG));
        }
        Report report = ItemStatistics.of(attempts, 5);

        // Q1: Sxx = 0, so sd = 0; V(x)·V(y) = 0 and Sxymax = 0: both ratios are 0/0, NaN.
        Item q1 = report.item(1);
        assertThat(q1.facility()).isCloseTo(100, within(EPS));
        assertThat(q1.difficulty()).isEqualTo(Difficulty.EXTREMELY_EASY);
        assertThat(q1.standardDeviation()).isZero();
        assertThat(q1.discriminationIndex()).isNaN();
        assertThat(q1.discriminativeEfficiency()).isNaN();
        assertThat(q1.negativeDiscrimination()).isFalse();
        assertThat(q1.lowDiscriminativeEfficiency()).isFalse();
        assertThat(q1.nobodyRight()).isFalse();

        // Q2: everyone −2/3 of 2: facility = −1/3 = −33.333%, and nobody right.
        Item q2 = report.item(2);
        assertThat(q2.facility()).isCloseTo(-100.0 / 3, within(EPS));
        assertThat(q2.standardDeviation()).isZero();
        assertThat(q2.discriminationIndex()).isNaN();
        assertThat(q2.nobodyRight()).isTrue();

        // All totals 4/3: STT = 0, so the test's sd is 0 and alpha (… / STT) is undefined.
        Quiz quiz = report.quiz();
        assertThat(quiz.mean()).isCloseTo(4.0 / 3, within(EPS));
        assertThat(quiz.standardDeviation()).isZero();
        assertThat(quiz.coefficientOfInternalConsistency()).isNaN();
        assertThat(quiz.errorRatio()).isNaN();
        assertThat(quiz.standardError()).isNaN();
    }

    @Test
    void fewerAttemptsThanTheMinimumGiveNoStatistics() {
        List<AttemptMarks> four = sixLearners().subList(0, 4);

        Report report = ItemStatistics.of(four, 5);
        assertThat(report.items()).hasSize(4).allSatisfy(item -> {
            assertThat(item.attempts()).isEqualTo(4);
            assertThat(item.enoughAttempts()).isFalse();
            assertThat(item.facility()).isNaN();
            assertThat(item.standardDeviation()).isNaN();
            assertThat(item.discriminationIndex()).isNaN();
            assertThat(item.discriminativeEfficiency()).isNaN();
            assertThat(item.difficulty()).isNull();
            assertThat(item.negativeDiscrimination()).isFalse();
            assertThat(item.lowDiscriminativeEfficiency()).isFalse();
            assertThat(item.nobodyRight()).isFalse();
        });
        assertThat(report.quiz().attempts()).isEqualTo(4);
        assertThat(report.quiz().mean()).isNaN();
        assertThat(report.quiz().coefficientOfInternalConsistency()).isNaN();

        // The same four attempts with a minimum of four: Q1 was right for all of A–D.
        Item q1 = ItemStatistics.of(four, 4).item(1);
        assertThat(q1.enoughAttempts()).isTrue();
        assertThat(q1.facility()).isCloseTo(100, within(EPS));
    }

    @Test
    void attemptsOnDifferentQuestionsGetItemStatisticsButNoCoefficient() {
        List<AttemptMarks> attempts = new ArrayList<>(sixLearners());
        // A seventh learner saw only Q1 and Q2.
        attempts.add(attempt(RIGHT, WRONG));
        Report report = ItemStatistics.of(attempts, 5);

        assertThat(report.item(1).attempts()).isEqualTo(7);
        assertThat(report.item(3).attempts()).isEqualTo(6);
        // Q3 and its rest-of-test marks are those of the six learners, unchanged.
        assertThat(report.item(3).discriminativeEfficiency()).isCloseTo(30, within(EPS));
        assertThat(report.quiz().sameQuestions()).isFalse();
        assertThat(report.quiz().maxMark()).isNull();
        assertThat(report.quiz().coefficientOfInternalConsistency()).isNaN();
    }

    @Test
    void anAttemptWhoseTotalIsNotTheSumOfItsMarksIsRefused() {
        List<ItemMark> items = List.of(new ItemMark(1, RIGHT, MAX), new ItemMark(2, WRONG, MAX));
        assertThatThrownBy(() -> new AttemptMarks(new BigFraction(2), new BigFraction(4), items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4/3");
        assertThatThrownBy(() -> new ItemMark(1, new BigFraction(3), MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemStatistics.of(sixLearners(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void facilityBandsFollowMoodlesDocumentation() {
        // 5 or less, 6–10, 11–20, 21–34, 35–64, 66–80, 81–89, 90–94, 95–100; each band runs up to
        // the next one's lower bound, so the docs' gap at 65 belongs to "About right".
        assertThat(Difficulty.of(-33.3)).isEqualTo(Difficulty.EXTREMELY_DIFFICULT);
        assertThat(Difficulty.of(5)).isEqualTo(Difficulty.EXTREMELY_DIFFICULT);
        assertThat(Difficulty.of(6)).isEqualTo(Difficulty.VERY_DIFFICULT);
        assertThat(Difficulty.of(10.9)).isEqualTo(Difficulty.VERY_DIFFICULT);
        assertThat(Difficulty.of(20)).isEqualTo(Difficulty.DIFFICULT);
        assertThat(Difficulty.of(21)).isEqualTo(Difficulty.MODERATELY_DIFFICULT);
        assertThat(Difficulty.of(35)).isEqualTo(Difficulty.ABOUT_RIGHT);
        assertThat(Difficulty.of(65)).isEqualTo(Difficulty.ABOUT_RIGHT);
        assertThat(Difficulty.of(66)).isEqualTo(Difficulty.FAIRLY_EASY);
        assertThat(Difficulty.of(81)).isEqualTo(Difficulty.EASY);
        assertThat(Difficulty.of(90)).isEqualTo(Difficulty.VERY_EASY);
        assertThat(Difficulty.of(94.9)).isEqualTo(Difficulty.VERY_EASY);
        assertThat(Difficulty.of(95)).isEqualTo(Difficulty.EXTREMELY_EASY);
        assertThat(Difficulty.of(100)).isEqualTo(Difficulty.EXTREMELY_EASY);
        assertThat(Difficulty.ABOUT_RIGHT.label).isEqualTo("About right");
    }
}
