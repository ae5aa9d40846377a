package app.almanac.practice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Plans a card's next review against the learner's exam date. Without an exam date (or once it has
 * passed) it is plain FSRS at the learner's desired retention. With one:
 *
 * <ul>
 *   <li>every interval is capped so that the card is seen at least once more before the exam: no due
 *       date falls after the day before it, except for a card reviewed on that day, which comes back on
 *       the exam morning;
 *   <li>a card whose natural due date falls in the last week or later is given to the <em>final
 *       pass</em>: a day in the last week before the exam, the latest one under the daily budget (the
 *       later the review, the higher the recall on the day);
 *   <li>any other card keeps its FSRS due date or moves a little earlier (never later: later risks
 *       forgetting) to a day under the budget.
 * </ul>
 *
 * Pure: the reviews already planned per day come in as a map, and the chosen day is added to it.
 */
final class ExamScheduler {

    /** The final pass: the last seven days before the exam. */
    static final int FINAL_WEEK = 7;

    /**
     * What the learner asked for.
     *
     * @param examDate the exam's day, or null
     * @param dailyBudget how many reviews a day the learner can give (at least 1)
     * @param retention the desired retention without an exam date (FSRS's target recall)
     */
    record Plan(LocalDate examDate, int dailyBudget, double retention) {
        Plan {
            if (dailyBudget < 1) {
                throw new IllegalArgumentException("daily budget " + dailyBudget);
            }
            if (!(retention > 0 && retention < 1)) {
                throw new IllegalArgumentException("retention " + retention);
            }
        }

        static final Plan DEFAULT = new Plan(null, 50, 0.9);
    }

    private final Fsrs fsrs;

    ExamScheduler(Fsrs fsrs) {
        this.fsrs = fsrs;
    }

    /**
     * The day a card reviewed on {@code today}, now remembered as {@code memory}, is next due; the day
     * is counted into {@code load} (reviews already due per day).
     */
    LocalDate due(LocalDate today, Fsrs.Memory memory, Plan plan, Map<LocalDate, Integer> load) {
        int interval = fsrs.nextInterval(memory.stability(), plan.retention());
        LocalDate natural = today.plusDays(interval);
        LocalDate exam = plan.examDate();
        LocalDate tomorrow = today.plusDays(1);
        if (exam == null || !today.isBefore(exam)) {
            return take(balanced(later(tomorrow, natural.minusDays(leeway(interval))), natural, load, plan), load);
        }
        LocalDate lastDay = exam.minusDays(1);
        if (!tomorrow.isBefore(exam)) {
            return take(exam, load); // reviewed the day before: once more on the exam morning
        }
        LocalDate finalWeek = exam.minusDays(FINAL_WEEK);
        if (natural.isBefore(finalWeek)) {
            return take(balanced(later(tomorrow, natural.minusDays(leeway(interval))), natural, load, plan), load);
        }
        LocalDate last = natural.isBefore(lastDay) ? natural : lastDay;
        return take(balanced(later(tomorrow, finalWeek), last, load, plan), load);
    }

    /** The probability of recalling the card on {@code day}, with no review before then. */
    double recallOn(LocalDate day, LocalDate lastReview, Fsrs.Memory memory) {
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(lastReview, day));
        return fsrs.retrievability(elapsed, memory.stability());
    }

    /**
     * The probability of recalling the card on the exam day if every planned review is done and
     * answered Good; without an exam date, the recall on its due date.
     */
    double recallOnExamIfKeptUp(LocalDate lastReview, LocalDate due, Fsrs.Memory memory, Plan plan) {
        LocalDate exam = plan.examDate();
        if (exam == null) {
            return recallOn(due, lastReview, memory);
        }
        LocalDate last = lastReview;
        LocalDate next = due;
        Fsrs.Memory m = memory;
        for (int step = 0; step < 64 && !next.isAfter(exam) && last.isBefore(exam); step++) {
            m = fsrs.next(m, ChronoUnit.DAYS.between(last, next), Fsrs.Rating.GOOD);
            last = next;
            next = due(last, m, plan, new java.util.HashMap<>());
        }
        return recallOn(exam, last, m);
    }

    /** How far earlier than its FSRS day a card may come to keep a day under budget: a tenth of the interval. */
    private static int leeway(int interval) {
        return interval <= 2 ? 0 : Math.max(1, Math.round(interval * 0.1f));
    }

    /** From {@code last} back to {@code first}: the latest day under budget, else the least loaded (latest on ties). */
    private static LocalDate balanced(LocalDate first, LocalDate last, Map<LocalDate, Integer> load, Plan plan) {
        LocalDate best = last;
        int bestLoad = Integer.MAX_VALUE;
        for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1)) {
            int n = load.getOrDefault(d, 0);
            if (n < plan.dailyBudget()) {
                return d;
            }
            if (n < bestLoad) {
                best = d;
                bestLoad = n;
            }
        }
        return best;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate take(LocalDate day, Map<LocalDate, Integer> load) {
        load.merge(day, 1, Integer::sum);
        return day;
    }
}
