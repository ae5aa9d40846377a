package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The exam-date rule: for random review histories and exam dates, no due date falls after the exam,
 * every item is due at least once more before it, and the planned days keep to the budget when the
 * budget can hold them.
 */
class ExamSchedulerPropertyTests {

    private final Fsrs fsrs = new Fsrs();
    private final ExamScheduler scheduler = new ExamScheduler(fsrs);

    @Property(tries = 300)
    void noDueDateFallsAfterTheExamAndEveryItemComesBackBeforeIt(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 400) int daysToExam,
            @ForAll @IntRange(min = 1, max = 60) int items,
            @ForAll @IntRange(min = 1, max = 80) int budget) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        LocalDate exam = start.plusDays(daysToExam);
        ExamScheduler.Plan plan = new ExamScheduler.Plan(exam, budget, 0.8 + random.nextDouble() * 0.17);
        Map<LocalDate, Integer> load = new HashMap<>();
        for (int i = 0; i < items; i++) {
            // a history: a first answer on a random day before the exam, then reviews on (or after) each due day
            LocalDate day = start.plusDays(random.nextInt(daysToExam));
            Fsrs.Memory memory = fsrs.next(null, 0, rating(random));
            List<LocalDate> dues = new ArrayList<>();
            LocalDate due = scheduler.due(day, memory, plan, load);
            dues.add(due);
            while (due.isBefore(exam)) {
                LocalDate reviewed = due.plusDays(random.nextInt(3) == 0 ? random.nextInt(5) : 0);
                if (!reviewed.isBefore(exam)) {
                    break;
                }
                memory = fsrs.next(memory, reviewed.toEpochDay() - day.toEpochDay(), rating(random));
                day = reviewed;
                due = scheduler.due(day, memory, plan, new HashMap<>(load));
                dues.add(due);
                // after each review, the next due is after it and not after the exam
                assertThat(due).isAfter(day).isBeforeOrEqualTo(exam);
            }
            assertThat(dues).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(exam));
            // the first planned review is before the exam, unless the item was first seen the day before it
            LocalDate first = dues.get(0);
            assertThat(first.isBefore(exam) || first.equals(exam))
                    .as("first due %s, exam %s", first, exam)
                    .isTrue();
        }
    }

    @Property(tries = 200)
    void theDayBeforeTheExamIsTheLastDayAnItemIsPlannedForUnlessItWasReviewedThen(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 300) int daysToExam) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.of(2026, 6, 1);
        LocalDate exam = today.plusDays(daysToExam);
        Fsrs.Memory strong = new Fsrs.Memory(1000 + random.nextInt(5000), 1 + random.nextDouble() * 9);
        LocalDate due = scheduler.due(today, strong, new ExamScheduler.Plan(exam, 50, 0.9), new HashMap<>());
        // a well-known item would wait years; before an exam it comes back in the final week
        assertThat(due).isBeforeOrEqualTo(exam.minusDays(1)).isAfter(today);
        assertThat(due).isAfterOrEqualTo(exam.minusDays(ExamScheduler.FINAL_WEEK));
    }

    @Property(tries = 100)
    void theFinalPassSpreadsOverTheLastWeekWithinTheBudget(
            @ForAll @IntRange(min = 1, max = 30) int budget, @ForAll @IntRange(min = 1, max = 7) int weeks) {
        LocalDate today = LocalDate.of(2026, 6, 1);
        LocalDate exam = today.plusWeeks(weeks + 2L);
        ExamScheduler.Plan plan = new ExamScheduler.Plan(exam, budget, 0.9);
        Map<LocalDate, Integer> load = new HashMap<>();
        int items = budget * ExamScheduler.FINAL_WEEK; // exactly what the last week can hold
        for (int i = 0; i < items; i++) {
            scheduler.due(today, new Fsrs.Memory(3000, 5), plan, load);
        }
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(budget));
        assertThat(load.keySet())
                .allSatisfy(d -> assertThat(d).isBetween(exam.minusDays(ExamScheduler.FINAL_WEEK), exam.minusDays(1)));
    }

    @Example
    void withoutAnExamDateItIsPlainFsrsAtTheDesiredRetention() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Fsrs.Memory memory = new Fsrs.Memory(20, 5);
        LocalDate due = scheduler.due(today, memory, new ExamScheduler.Plan(null, 1000, 0.9), new HashMap<>());
        assertThat(due).isEqualTo(today.plusDays(fsrs.nextInterval(20, 0.9)));
        LocalDate stricter = scheduler.due(today, memory, new ExamScheduler.Plan(null, 1000, 0.97), new HashMap<>());
        assertThat(stricter).isBefore(due);
    }

    @Example
    void aFullDayMovesAReviewEarlierNeverLater() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Fsrs.Memory memory = new Fsrs.Memory(40, 5);
        ExamScheduler.Plan plan = new ExamScheduler.Plan(null, 2, 0.9);
        LocalDate natural = today.plusDays(fsrs.nextInterval(40, 0.9));
        Map<LocalDate, Integer> load = new HashMap<>(Map.of(natural, 2));
        LocalDate due = scheduler.due(today, memory, plan, load);
        assertThat(due).isBefore(natural).isAfter(today);
    }

    @Example
    void recallOnTheExamDayIsHigherIfThePlannedReviewsAreDone() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        LocalDate exam = today.plusDays(120);
        Fsrs.Memory memory = fsrs.next(null, 0, Fsrs.Rating.AGAIN);
        ExamScheduler.Plan plan = new ExamScheduler.Plan(exam, 50, 0.9);
        LocalDate due = scheduler.due(today, memory, plan, new HashMap<>());
        double stopped = scheduler.recallOn(exam, today, memory);
        double keptUp = scheduler.recallOnExamIfKeptUp(today, due, memory, plan);
        assertThat(keptUp).isGreaterThan(0.85).isGreaterThan(stopped);
        assertThat(stopped).isLessThan(0.6);
    }

    private static Fsrs.Rating rating(Random random) {
        return Fsrs.Rating.values()[random.nextInt(4)];
    }
}
