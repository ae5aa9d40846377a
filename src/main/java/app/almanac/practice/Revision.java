package app.almanac.practice;

import app.almanac.article.QuestionService;
import app.almanac.shared.NotFoundException;
import app.almanac.shared.SiteProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's revision: what enters it, how a review is graded, and when each card is next due.
 *
 * <p>Enters revision: every wrong answer, every "guess" and "50-50" answer (even a right one: a lucky
 * guess is not knowledge), every question marked for review in an attempt or flagged in the notebook,
 * and questions added by hand. Any later answer to a card's question, in the revision quiz or in any
 * other quiz, is a review of it, graded by {@link #grade}.
 *
 * <p>Days are the learner's days in the site's time zone (India's, by default): a review at 00:30 IST
 * belongs to the new day.
 */
@Service
public class Revision {

    /** Why a card is in revision. */
    enum Reason {
        WRONG("wrong"),
        GUESS("guess"),
        FIFTY_FIFTY("50-50"),
        FLAGGED("flagged"),
        ADDED("added");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** An answer to revision's eyes: how it was marked, how sure the learner was, and how long it took. */
    record Answered(long questionId, Marking.Outcome outcome, Confidence confidence, boolean marked, int seconds) {}

    /**
     * A card as a learner sees it.
     *
     * @param recallToday the probability of recalling it today
     * @param recallOnExam the probability on the exam day if the planned reviews are done (or, without an
     *     exam date, on its due date)
     * @param recallOnExamIfStopped the probability on the exam day with no further review, or NaN
     */
    public record Card(
            long questionId,
            String reason,
            LocalDate due,
            LocalDate lastReview,
            double stability,
            double difficulty,
            int reps,
            int lapses,
            double recallToday,
            double recallOnExam,
            double recallOnExamIfStopped) {}

    /** A seconds bound for "fast": half the 72 s a question gets in GS Paper I (2 hours for 100). */
    static final int FAST_SECONDS = 36;

    /** A seconds bound for "slow": twice those 72 s. */
    static final int SLOW_SECONDS = 144;

    private final RevisionRepository repository;
    private final QuestionService questions;
    private final ExamScheduler scheduler;
    private final Fsrs fsrs;
    private final Clock clock;
    private final SiteProperties site;

    Revision(RevisionRepository repository, QuestionService questions, Clock clock, SiteProperties site) {
        this.repository = repository;
        this.questions = questions;
        this.clock = clock;
        this.site = site;
        this.fsrs = new Fsrs();
        this.scheduler = new ExamScheduler(fsrs);
    }

    /**
     * The grade of an answer to a question in revision, from its correctness, confidence and time:
     *
     * <ul>
     *   <li>wrong: Again;
     *   <li>right, but a guess: Again (it was not recalled);
     *   <li>right at 50-50, or right after more than {@value #SLOW_SECONDS} s: Hard;
     *   <li>right and sure within {@value #FAST_SECONDS} s: Easy;
     *   <li>any other right answer: Good.
     * </ul>
     *
     * A blank answer or a dropped question is no review (null): the card stays due.
     */
    static Fsrs.Rating grade(Marking.Outcome outcome, Confidence confidence, int seconds) {
        return switch (outcome) {
            case WRONG -> Fsrs.Rating.AGAIN;
            case BLANK, NOT_MARKED -> null;
            case RIGHT -> {
                if (confidence == Confidence.GUESS) {
                    yield Fsrs.Rating.AGAIN;
                }
                if (confidence == Confidence.FIFTY_FIFTY || seconds > SLOW_SECONDS) {
                    yield Fsrs.Rating.HARD;
                }
                yield confidence == Confidence.SURE && seconds > 0 && seconds <= FAST_SECONDS
                        ? Fsrs.Rating.EASY
                        : Fsrs.Rating.GOOD;
            }
        };
    }

    /** Why an answer not yet in revision enters it, or null when it does not (right and not in doubt). */
    static Reason entry(Answered a) {
        if (a.outcome() == Marking.Outcome.NOT_MARKED) {
            return null;
        }
        if (a.outcome() == Marking.Outcome.WRONG) {
            return Reason.WRONG;
        }
        if (a.outcome() == Marking.Outcome.RIGHT && a.confidence() == Confidence.GUESS) {
            return Reason.GUESS;
        }
        if (a.outcome() == Marking.Outcome.RIGHT && a.confidence() == Confidence.FIFTY_FIFTY) {
            return Reason.FIFTY_FIFTY;
        }
        return a.marked() ? Reason.FLAGGED : null;
    }

    /** The answers of a submitted attempt: new cards, and reviews of the cards already there. */
    @Transactional
    void record(long user, long attemptId, List<Answered> answers) {
        LocalDate today = today();
        ExamScheduler.Plan plan = plan(user);
        Map<Long, RevisionRepository.Card> cards = repository.cards(
                user, answers.stream().map(Answered::questionId).toList());
        Map<LocalDate, Integer> load = repository.load(user, today);
        for (Answered a : answers) {
            RevisionRepository.Card card = cards.get(a.questionId());
            Fsrs.Rating rating = grade(a.outcome(), a.confidence(), a.seconds());
            Reason reason = card == null ? entry(a) : null;
            if (card == null && reason == null) {
                continue;
            }
            if (rating == null) {
                if (card == null) { // a flagged question left blank: into revision, due tomorrow
                    store(
                            user,
                            a.questionId(),
                            reason.code,
                            fsrs.next(null, 0, Fsrs.Rating.AGAIN),
                            today,
                            plan,
                            load,
                            1,
                            0,
                            attemptId,
                            Fsrs.Rating.AGAIN);
                }
                continue;
            }
            if (card == null) {
                store(
                        user,
                        a.questionId(),
                        reason.code,
                        fsrs.next(null, 0, rating),
                        today,
                        plan,
                        load,
                        1,
                        rating == Fsrs.Rating.AGAIN ? 1 : 0,
                        attemptId,
                        rating);
            } else {
                load.computeIfPresent(card.due().isBefore(today) ? today : card.due(), (d, n) -> n - 1);
                double elapsed = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(card.lastReview(), today));
                store(
                        user,
                        card.questionId(),
                        card.reason(),
                        fsrs.next(card.memory(), elapsed, rating),
                        today,
                        plan,
                        load,
                        card.reps() + 1,
                        card.lapses() + (rating == Fsrs.Rating.AGAIN ? 1 : 0),
                        attemptId,
                        rating);
            }
        }
    }

    private void store(
            long user,
            long questionId,
            String reason,
            Fsrs.Memory memory,
            LocalDate today,
            ExamScheduler.Plan plan,
            Map<LocalDate, Integer> load,
            int reps,
            int lapses,
            Long attemptId,
            Fsrs.Rating rating) {
        LocalDate due = scheduler.due(today, memory, plan, load);
        RevisionRepository.Card card = new RevisionRepository.Card(
                user, questionId, reason, memory.stability(), memory.difficulty(), today, due, reps, lapses);
        repository.save(card, clock.instant());
        repository.logReview(card, attemptId, rating);
    }

    /**
     * Adds a question to revision by hand (or as flagged from the notebook); one already there keeps
     * its memory. It is due tomorrow, as after a first answer marked Again.
     */
    @Transactional
    void add(long user, long questionId, Reason reason) {
        if (questions.byId(questionId).isEmpty()) {
            throw new NotFoundException("There is no question " + questionId + ".");
        }
        if (!repository.cards(user, List.of(questionId)).isEmpty()) {
            return;
        }
        LocalDate today = today();
        ExamScheduler.Plan plan = plan(user);
        store(
                user,
                questionId,
                reason.code,
                fsrs.next(null, 0, Fsrs.Rating.AGAIN),
                today,
                plan,
                repository.load(user, today),
                1,
                0,
                null,
                Fsrs.Rating.AGAIN);
    }

    /** Takes a question out of revision; a later wrong answer brings it back. */
    @Transactional
    void remove(long user, long questionId) {
        repository.remove(user, questionId, clock.instant());
    }

    /** The ids of the questions due today, the most overdue first. */
    @Transactional(readOnly = true)
    List<Long> dueQuestionIds(long user, int limit) {
        return repository.due(user, today(), limit).stream()
                .map(RevisionRepository.Card::questionId)
                .toList();
    }

    /** The cards due today with their recall, the most overdue first. */
    @Transactional(readOnly = true)
    List<Card> due(long user, int limit) {
        ExamScheduler.Plan plan = plan(user);
        LocalDate today = today();
        return repository.due(user, today, limit).stream()
                .map(c -> card(c, plan, today))
                .toList();
    }

    /** How many questions are in revision. */
    @Transactional(readOnly = true)
    int count(long user) {
        return repository.count(user);
    }

    /** Every card in revision, with its recall. */
    @Transactional(readOnly = true)
    List<Card> all(long user) {
        ExamScheduler.Plan plan = plan(user);
        LocalDate today = today();
        return repository.cards(user, null).values().stream()
                .map(c -> card(c, plan, today))
                .sorted(Comparator.comparing(Card::due).thenComparing(Card::questionId))
                .toList();
    }

    /** How many reviews fall due on each day from today to the exam (or the next 30 days); overdue ones today. */
    @Transactional(readOnly = true)
    Map<LocalDate, Integer> forecast(long user) {
        ExamScheduler.Plan plan = plan(user);
        LocalDate today = today();
        LocalDate end =
                plan.examDate() != null && plan.examDate().isAfter(today) ? plan.examDate() : today.plusDays(30);
        Map<LocalDate, Integer> days = new TreeMap<>();
        for (LocalDate d = today; !d.isAfter(end); d = d.plusDays(1)) {
            days.put(d, 0);
        }
        repository.load(user, today).forEach((day, n) -> {
            if (!day.isAfter(end)) {
                days.merge(day, n, Integer::sum);
            }
        });
        return days;
    }

    /** The learner's exam plan, or the defaults (no exam date, 50 a day, 90% retention). */
    @Transactional(readOnly = true)
    ExamScheduler.Plan plan(long user) {
        return repository.plan(user).orElse(ExamScheduler.Plan.DEFAULT);
    }

    /**
     * Sets the exam date, budget and retention, and plans every card again against them, so a card due
     * after a newly set exam comes back before it.
     */
    @Transactional
    void setPlan(long user, LocalDate examDate, Integer budget, Double retention) {
        LocalDate today = today();
        if (examDate != null && !examDate.isAfter(today)) {
            throw new PracticeException("examDate", "The exam date must be after today (" + today + ").");
        }
        if (examDate != null && examDate.isAfter(today.plusYears(5))) {
            throw new PracticeException("examDate", "The exam date must be within five years.");
        }
        int b = budget == null ? ExamScheduler.Plan.DEFAULT.dailyBudget() : budget;
        if (b < 1 || b > 1000) {
            throw new PracticeException("budget", "The daily budget must be between 1 and 1000 reviews.");
        }
        double r = retention == null ? ExamScheduler.Plan.DEFAULT.retention() : retention;
        if (!(r >= 0.7 && r <= 0.99)) {
            throw new PracticeException("retention", "The desired retention must be between 0.70 and 0.99.");
        }
        ExamScheduler.Plan plan = new ExamScheduler.Plan(examDate, b, r);
        repository.savePlan(user, plan, clock.instant());
        Map<LocalDate, Integer> load = new java.util.HashMap<>();
        List<RevisionRepository.Card> cards =
                new ArrayList<>(repository.cards(user, null).values());
        cards.sort(
                Comparator.comparing(RevisionRepository.Card::due).thenComparing(RevisionRepository.Card::questionId));
        for (RevisionRepository.Card c : cards) {
            LocalDate due = scheduler.due(c.lastReview(), c.memory(), plan, load);
            if (due.isBefore(today)) { // already overdue under the new plan: due now
                load.computeIfPresent(due, (d, n) -> n - 1);
                due = today;
                load.merge(today, 1, Integer::sum);
            }
            if (!due.equals(c.due())) {
                repository.reschedule(user, c.questionId(), due);
            }
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(site.timeZone()));
    }

    /** The zone the learner's days are counted in. */
    java.time.ZoneId zone() {
        return site.timeZone();
    }

    private Card card(RevisionRepository.Card c, ExamScheduler.Plan plan, LocalDate today) {
        LocalDate exam = plan.examDate();
        boolean before = exam != null && exam.isAfter(today);
        return new Card(
                c.questionId(),
                c.reason(),
                c.due(),
                c.lastReview(),
                c.stability(),
                c.difficulty(),
                c.reps(),
                c.lapses(),
                scheduler.recallOn(today, c.lastReview(), c.memory()),
                scheduler.recallOnExamIfKeptUp(
                        c.lastReview(),
                        c.due().isBefore(today) ? today : c.due(),
                        c.memory(),
                        before ? plan : new ExamScheduler.Plan(null, plan.dailyBudget(), plan.retention())),
                before ? scheduler.recallOn(exam, c.lastReview(), c.memory()) : Double.NaN);
    }

    /** The scheduler, for the progress dashboard's predictions. */
    ExamScheduler scheduler() {
        return scheduler;
    }
}
