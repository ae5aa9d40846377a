package app.almanac.practice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Item (question) and test statistics of a quiz, defined as Moodle's quiz statistics report defines
 * them (https://docs.moodle.org/dev/Quiz_statistics_calculations; the code is
 * {@code question/classes/statistics/questions/calculator.php} for the items and
 * {@code mod/quiz/report/statistics/classes/calculator.php} for the test).
 *
 * <p>For an item i seen in s attempts, with x the attempt's mark on i and X the attempt's total mark:
 *
 * <ul>
 *   <li>facility = 100 · mean(x) / max(i);
 *   <li>standard deviation = 100 · sqrt(V(x)) / max(i), with V the sample variance (divisor s − 1);
 *   <li>discrimination index = 100 · C(x, X − x) / sqrt(V(x) · V(X − x)): the correlation of the
 *       item with the rest of the test, so that the item does not correlate with itself;
 *   <li>discriminative efficiency = 100 · C(x, X − x) / Cmax, where Cmax is the same covariance
 *       computed after sorting the item marks and the rest-of-test marks separately, each in
 *       ascending order, and pairing them rank by rank: the largest covariance two variables with
 *       these marginal distributions can have.
 * </ul>
 *
 * <p>For the test, with p items: coefficient of internal consistency (Cronbach's alpha) = 100 · p /
 * (p − 1) · (1 − Σ V(x_i) / V(X)); error ratio = 100 · sqrt(1 − CIC / 100); standard error = error
 * ratio · sd(X) / 100.
 *
 * <p>Negative marks. Moodle stores a mark as fraction × max mark, and its multiple-choice fractions
 * may be negative, so a mark can be below zero. Its facility is plain mean / max mark (not (mean −
 * min) / (max − min)) and its standard deviation plain sd / max mark, so UPSC's −2/3 on a 2-mark
 * question enters as it is: an item that everyone gets wrong has facility −33.33%. This class does
 * the same. Correlations and covariance ratios do not depend on where zero is, so negative marks
 * need nothing special there.
 *
 * <p>Sums, variances and covariances are computed exactly on the marks' fractions; only the square
 * roots and the final ratios are doubles. That makes "the variance is zero" an exact test (Moodle
 * tests the same quantities against zero) instead of a floating-point accident.
 *
 * <p>Undefined values are {@link Double#NaN}, never null: a statistic of fewer attempts than the
 * caller's minimum, a standard deviation or correlation of fewer than two attempts, a discrimination
 * index when either variance is zero, a discriminative efficiency when the maximum covariance is
 * zero, and the test's coefficient when it has fewer than three attempts, one item, a zero total
 * variance, or attempts on different sets of questions. The {@link Difficulty} of an item without a
 * facility is null.
 */
final class ItemStatistics {

    /** Moodle's report marks a question whose discriminative efficiency is below this as dubious. */
    static final double LOW_DISCRIMINATIVE_EFFICIENCY = 15;

    private ItemStatistics() {}

    /**
     * One question's marks in one attempt.
     *
     * @param mark what the learner got: negative for a wrong answer under negative marking
     * @param maxMark what a right answer gets; positive
     */
    record ItemMark(long questionId, BigFraction mark, BigFraction maxMark) {

        ItemMark {
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(maxMark, "maxMark");
            if (maxMark.compareTo(BigFraction.ZERO) <= 0) {
                throw new IllegalArgumentException(
                        "Question " + questionId + " has a max mark of " + Marks.fraction(maxMark));
            }
            if (mark.compareTo(maxMark) > 0) {
                throw new IllegalArgumentException("Question " + questionId + " has " + Marks.fraction(mark)
                        + " marks, more than its " + Marks.fraction(maxMark));
            }
        }
    }

    /**
     * One finished attempt: its total and the marks of each of its questions, which must add up to
     * it (Moodle's rest-of-test mark is the total less the item's mark, so they have to agree).
     */
    record AttemptMarks(BigFraction totalMark, BigFraction maxMark, List<ItemMark> items) {

        AttemptMarks {
            Objects.requireNonNull(totalMark, "totalMark");
            Objects.requireNonNull(maxMark, "maxMark");
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("An attempt needs at least one question");
            }
            BigFraction total = BigFraction.ZERO;
            BigFraction max = BigFraction.ZERO;
            Set<Long> seen = new HashSet<>();
            for (ItemMark item : items) {
                if (!seen.add(item.questionId())) {
                    throw new IllegalArgumentException("Question " + item.questionId() + " appears twice");
                }
                total = total.add(item.mark());
                max = max.add(item.maxMark());
            }
            if (!total.equals(totalMark)) {
                throw new IllegalArgumentException(
                        "The questions add up to " + Marks.fraction(total) + ", not " + Marks.fraction(totalMark));
            }
            if (!max.equals(maxMark)) {
                throw new IllegalArgumentException("The questions' max marks add up to " + Marks.fraction(max)
                        + ", not " + Marks.fraction(maxMark));
            }
        }
    }

    /**
     * One question's statistics, percentages as Moodle shows them (NaN when undefined).
     *
     * @param attempts the attempts that had this question
     * @param enoughAttempts at least the minimum asked for; if not, every statistic is NaN
     * @param facility mean mark as a percentage of the max mark; negative if wrong answers dominate
     * @param standardDeviation sample standard deviation as a percentage of the max mark
     * @param discriminationIndex correlation with the rest of the test, −100 to 100
     * @param discriminativeEfficiency covariance with the rest of the test as a percentage of the
     *     largest possible given both distributions
     * @param difficulty the facility's band, or null without a facility
     * @param negativeDiscrimination the weaker learners did better on it than the stronger ones
     * @param lowDiscriminativeEfficiency below {@link #LOW_DISCRIMINATIVE_EFFICIENCY}, Moodle's
     *     "dubious" question
     * @param nobodyRight no attempt got its full marks (with negative marking, facility 0 does not
     *     say this: it can be some right and some wrong)
     */
    record Item(
            long questionId,
            BigFraction maxMark,
            int attempts,
            boolean enoughAttempts,
            double facility,
            double standardDeviation,
            double discriminationIndex,
            double discriminativeEfficiency,
            Difficulty difficulty,
            boolean negativeDiscrimination,
            boolean lowDiscriminativeEfficiency,
            boolean nobodyRight) {}

    /**
     * The test's statistics (NaN when undefined).
     *
     * @param items the questions, when every attempt had the same ones; otherwise the number of
     *     different questions seen
     * @param sameQuestions every attempt had the same questions
     * @param maxMark the test's max mark when every attempt had the same questions, else null
     * @param mean mean total mark, in marks
     * @param standardDeviation sample standard deviation of the total mark, in marks
     * @param coefficientOfInternalConsistency Cronbach's alpha as a percentage
     * @param errorRatio percentage of the standard deviation that is measurement error
     * @param standardError the standard deviation's error part, in marks
     */
    record Quiz(
            int attempts,
            int items,
            boolean sameQuestions,
            BigFraction maxMark,
            double mean,
            double standardDeviation,
            double coefficientOfInternalConsistency,
            double errorRatio,
            double standardError) {}

    /** The test's statistics and its questions' in the order they first appear. */
    record Report(Quiz quiz, List<Item> items) {

        Report {
            items = List.copyOf(items);
        }

        Item item(long questionId) {
            return items.stream()
                    .filter(i -> i.questionId() == questionId)
                    .findFirst()
                    .orElseThrow(() -> new NoSuchElementException("No question " + questionId));
        }
    }

    /**
     * Moodle's facility bands (the quiz statistics report's documentation), for learners. The
     * documentation gives whole-number ranges with a gap at 65 and both "Difficult" and "Moderately
     * difficult" claiming 20; here each band runs from its lower bound to the next band's, so 20
     * is difficult, 65 about right, and anything from 95 up, or below 6 (negative included), is
     * extreme.
     */
    enum Difficulty {
        EXTREMELY_DIFFICULT(Double.NEGATIVE_INFINITY, "Extremely difficult"),
        VERY_DIFFICULT(6, "Very difficult"),
        DIFFICULT(11, "Difficult"),
        MODERATELY_DIFFICULT(21, "Moderately difficult"),
        ABOUT_RIGHT(35, "About right"),
        FAIRLY_EASY(66, "Fairly easy"),
        EASY(81, "Easy"),
        VERY_EASY(90, "Very easy"),
        EXTREMELY_EASY(95, "Extremely easy");

        /** The lowest facility (%) in the band. */
        public final double from;

        /** The name people read. */
        public final String label;

        Difficulty(double from, String label) {
            this.from = from;
            this.label = label;
        }

        /** The band of a facility given as a percentage. */
        static Difficulty of(double facility) {
            if (Double.isNaN(facility)) {
                throw new IllegalArgumentException("A facility of NaN has no difficulty");
            }
            Difficulty band = EXTREMELY_DIFFICULT;
            for (Difficulty d : values()) {
                if (facility >= d.from) {
                    band = d;
                }
            }
            return band;
        }
    }

    /**
     * The statistics of these attempts, each treated as a separate learner (as Moodle does).
     *
     * @param minimumAttempts below this many attempts a question (or the test) gets no statistics;
     *     at least 1. Moodle itself needs 2 for a standard deviation and 3 for the coefficient.
     */
    static Report of(List<AttemptMarks> attempts, int minimumAttempts) {
        if (minimumAttempts < 1) {
            throw new IllegalArgumentException("The minimum number of attempts must be at least 1");
        }
        // Item marks and rest-of-test marks per question, in attempt order, so that pairs stay pairs.
        Map<Long, Samples> byQuestion = new LinkedHashMap<>();
        for (AttemptMarks attempt : attempts) {
            for (ItemMark item : attempt.items()) {
                Samples samples = byQuestion.computeIfAbsent(item.questionId(), id -> new Samples(item.maxMark()));
                if (!samples.maxMark.equals(item.maxMark())) {
                    throw new IllegalArgumentException(
                            "Question " + item.questionId() + " has max marks " + Marks.fraction(samples.maxMark)
                                    + " and " + Marks.fraction(item.maxMark()) + " in different attempts");
                }
                samples.marks.add(item.mark());
                samples.rest.add(attempt.totalMark().subtract(item.mark()));
            }
        }
        List<Item> items = new ArrayList<>();
        BigFraction sumOfItemSquares = BigFraction.ZERO;
        for (Map.Entry<Long, Samples> e : byQuestion.entrySet()) {
            Samples samples = e.getValue();
            items.add(item(e.getKey(), samples, minimumAttempts));
            sumOfItemSquares = sumOfItemSquares.add(squares(samples.marks));
        }
        return new Report(quiz(attempts, byQuestion.size(), sumOfItemSquares, minimumAttempts), items);
    }

    private static Item item(long questionId, Samples samples, int minimumAttempts) {
        int s = samples.marks.size();
        if (s < minimumAttempts) {
            return new Item(
                    questionId,
                    samples.maxMark,
                    s,
                    false,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    null,
                    false,
                    false,
                    false);
        }
        boolean nobodyRight = samples.marks.stream().noneMatch(m -> m.equals(samples.maxMark));
        double max = samples.maxMark.doubleValue();
        double facility = 100 * mean(samples.marks).divide(samples.maxMark).doubleValue();
        double sd = Double.NaN;
        double discrimination = Double.NaN;
        double efficiency = Double.NaN;
        if (s > 1) {
            // Sums of squared deviations and of cross products; each variance or covariance is one
            // of these over (s − 1), and the (s − 1)s cancel in both ratios below.
            BigFraction xx = squares(samples.marks);
            BigFraction yy = squares(samples.rest);
            BigFraction xy = products(samples.marks, samples.rest);
            List<BigFraction> sortedMarks = new ArrayList<>(samples.marks);
            List<BigFraction> sortedRest = new ArrayList<>(samples.rest);
            Collections.sort(sortedMarks);
            Collections.sort(sortedRest);
            // Same means, same marginals, pairs matched rank by rank: the largest covariance possible.
            BigFraction xyMax = products(sortedMarks, sortedRest);

            sd = 100 * Math.sqrt(xx.divide(s - 1).doubleValue()) / max;
            BigFraction varianceProduct = xx.multiply(yy);
            if (!varianceProduct.equals(BigFraction.ZERO)) {
                discrimination = 100 * xy.doubleValue() / Math.sqrt(varianceProduct.doubleValue());
            }
            if (!xyMax.equals(BigFraction.ZERO)) {
                efficiency = 100 * xy.divide(xyMax).doubleValue();
            }
        }
        return new Item(
                questionId,
                samples.maxMark,
                s,
                true,
                facility,
                sd,
                discrimination,
                efficiency,
                Difficulty.of(facility),
                discrimination < 0,
                efficiency < LOW_DISCRIMINATIVE_EFFICIENCY,
                nobodyRight);
    }

    private static Quiz quiz(List<AttemptMarks> attempts, int questions, BigFraction itemSquares, int minimumAttempts) {
        int s = attempts.size();
        Set<Set<Long>> questionSets = new HashSet<>();
        List<BigFraction> totals = new ArrayList<>();
        for (AttemptMarks attempt : attempts) {
            Set<Long> ids = new HashSet<>();
            attempt.items().forEach(i -> ids.add(i.questionId()));
            questionSets.add(ids);
            totals.add(attempt.totalMark());
        }
        boolean same = questionSets.size() == 1;
        // Each question has one max mark across attempts (checked above), so the same questions
        // mean the same test max mark.
        BigFraction maxMark = same ? attempts.get(0).maxMark() : null;
        double mean = Double.NaN;
        double sd = Double.NaN;
        double cic = Double.NaN;
        double errorRatio = Double.NaN;
        double standardError = Double.NaN;
        if (s >= minimumAttempts && s > 0) {
            mean = mean(totals).doubleValue();
            BigFraction tt = squares(totals);
            if (s > 1) {
                sd = Math.sqrt(tt.divide(s - 1).doubleValue());
            }
            // Moodle adds the items' variances slot by slot, which is only Cronbach's alpha when
            // every attempt answered the same questions.
            if (s > 2 && same && questions > 1 && !tt.equals(BigFraction.ZERO)) {
                // Σ V(x_i) / V(X): the (s − 1) divisors cancel, so the ratio stays exact.
                BigFraction alpha = new BigFraction(questions, questions - 1)
                        .multiply(BigFraction.ONE.subtract(itemSquares.divide(tt)));
                cic = 100 * alpha.doubleValue();
                errorRatio = 100 * Math.sqrt(BigFraction.ONE.subtract(alpha).doubleValue());
                standardError = errorRatio * sd / 100;
            }
        }
        return new Quiz(s, questions, same, maxMark, mean, sd, cic, errorRatio, standardError);
    }

    private static BigFraction mean(List<BigFraction> values) {
        return sum(values).divide(values.size());
    }

    private static BigFraction sum(List<BigFraction> values) {
        BigFraction sum = BigFraction.ZERO;
        for (BigFraction v : values) {
            sum = sum.add(v);
        }
        return sum;
    }

    /** Σ (v − mean)², as Σ v² − (Σ v)² / n, which is exact in fractions. */
    private static BigFraction squares(List<BigFraction> values) {
        return products(values, values);
    }

    /** Σ (x − mean x)(y − mean y), as Σ xy − Σ x · Σ y / n, for equally long lists. */
    private static BigFraction products(List<BigFraction> xs, List<BigFraction> ys) {
        BigFraction xy = BigFraction.ZERO;
        for (int k = 0; k < xs.size(); k++) {
            xy = xy.add(xs.get(k).multiply(ys.get(k)));
        }
        return xy.subtract(sum(xs).multiply(sum(ys)).divide(xs.size()));
    }

    /** One question's marks and the matching rest-of-test marks, attempt by attempt. */
    private static final class Samples {
        final BigFraction maxMark;
        final List<BigFraction> marks = new ArrayList<>();
        final List<BigFraction> rest = new ArrayList<>();

        Samples(BigFraction maxMark) {
            this.maxMark = maxMark;
        }
    }
}
