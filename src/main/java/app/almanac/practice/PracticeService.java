package app.almanac.practice;

import app.almanac.article.ArticleChanged;
import app.almanac.article.QuestionService;
import app.almanac.article.QuestionsRemarked;
import app.almanac.article.StoredQuestion;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The learner's loop: start a quiz, save answers against the server's clock, submit (or be
 * submitted at time-out, exactly once on whichever node sweeps first), and read the marked result.
 * Questions are read through the article room's {@link QuestionService} by their stable ids, and
 * marked against their current keys: an editor's correction or drop re-marks every attempt.
 */
@Service
public class PracticeService {

    /** The most questions one quiz may hold (a full mock). */
    static final int MAX_QUESTIONS = 100;

    /** A full mock: 100 questions in 2 hours, marked as General Studies Paper I. */
    static final Duration MOCK_TIME = Duration.ofHours(2);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * What to quiz on.
     *
     * @param kind daily, topic, custom, mistakes, mock, bank or review (the questions due for revision)
     * @param date the day of a daily quiz
     * @param filter the topic or range of a topic or custom quiz
     * @param count how many questions (custom)
     * @param minutes the time limit (custom), or 0 for the usual time per question
     * @param shuffle whether to shuffle the questions' order (custom)
     * @param bank the question bank's slug (bank): a publisher's set, or the questions generated from the facts
     */
    record Request(
            String kind,
            LocalDate date,
            QuestionService.Filter filter,
            int count,
            int minutes,
            boolean shuffle,
            String bank) {}

    private final PracticeRepository repository;
    private final QuestionService questions;
    private final app.almanac.article.QuestionBankService banks;
    private final PracticeProperties settings;
    private final Notebook notebook;
    private final Revision revision;
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter saves;

    PracticeService(
            PracticeRepository repository,
            QuestionService questions,
            app.almanac.article.QuestionBankService banks,
            PracticeProperties settings,
            Notebook notebook,
            Revision revision,
            Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.saves = io.micrometer.core.instrument.Counter.builder("almanac.practice.answers.saved")
                .description("Quiz answers saved (each one acknowledged to the learner)")
                .register(meters);
        this.revision = revision;
        this.banks = banks;
        this.notebook = notebook;
        this.repository = repository;
        this.questions = questions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts an attempt for {@code learner}; refused when the quiz would have no questions. */
    @Transactional
    Attempt start(Learner learner, Request request) {
        String kind = request.kind() == null ? "" : request.kind().toLowerCase(Locale.ROOT);
        List<StoredQuestion> chosen;
        String title;
        String quizKey = null;
        Duration time = null;
        String paper = null;
        switch (kind) {
            case "daily" -> {
                LocalDate date = request.date() != null ? request.date() : LocalDate.now(clock);
                chosen = questions.publishedOn(date).stream()
                        .limit(MAX_QUESTIONS)
                        .toList();
                title = "Daily quiz, " + DAY.format(date);
                quizKey = "daily:" + date;
                if (chosen.isEmpty()) {
                    throw new PracticeException(
                            "date", "No analysis published on " + DAY.format(date) + " has questions.");
                }
            }
            case "topic" -> {
                QuestionService.Filter f = filter(request);
                if (f.paper() == null && f.category() == null && f.tag() == null) {
                    throw new PracticeException("tag", "Name a paper, a category or a tag for a topic quiz.");
                }
                chosen = questions.matching(f, 25);
                paper = f.paper();
                title = "Topic quiz: " + String.join(", ", nonNull(f.paper(), f.category(), f.tag()));
            }
            case "custom" -> {
                int count = request.count() <= 0 ? 20 : request.count();
                if (count > MAX_QUESTIONS) {
                    throw new PracticeException("count", "A test can have at most " + MAX_QUESTIONS + " questions.");
                }
                if (request.minutes() < 0 || request.minutes() > 300) {
                    throw new PracticeException("minutes", "The time limit must be between 1 and 300 minutes.");
                }
                QuestionService.Filter f = filter(request);
                List<StoredQuestion> pool = new ArrayList<>(questions.matching(f, MAX_QUESTIONS * 5));
                if (request.shuffle()) {
                    Collections.shuffle(pool, new Random());
                }
                chosen = pool.stream().limit(count).toList();
                paper = f.paper();
                title = "Custom test of " + chosen.size() + " questions";
                time = request.minutes() > 0 ? Duration.ofMinutes(request.minutes()) : null;
            }
            case "mistakes" -> {
                if (!learner.signedIn()) {
                    throw new PracticeException("kind", "Sign in to retake your mistakes.");
                }
                chosen = questions.byIds(notebook.questionIds(learner.userId())).stream()
                        .limit(MAX_QUESTIONS)
                        .toList();
                title = "Retake of my mistakes";
                if (chosen.isEmpty()) {
                    throw new PracticeException(
                            "kind", "Your notebook is empty: no mistakes or flagged questions to retake yet.");
                }
            }
            case "review" -> {
                if (!learner.signedIn()) {
                    throw new PracticeException("kind", "Sign in to revise: revision is planned for you.");
                }
                chosen = questions.byIds(revision.dueQuestionIds(learner.userId(), MAX_QUESTIONS));
                title = "Revision: " + chosen.size() + (chosen.size() == 1 ? " question" : " questions") + " due";
                if (chosen.isEmpty()) {
                    throw new PracticeException("kind", "Nothing is due for revision today.");
                }
            }
            case "bank" -> {
                app.almanac.article.QuestionBank bank = request.bank() == null
                        ? null
                        : banks.find(request.bank()).orElse(null);
                if (bank == null) {
                    throw new PracticeException("bank", "There is no question bank '" + request.bank() + "'.");
                }
                chosen = questions.byIds(questions.idsOfBank(bank.id())).stream()
                        .limit(MAX_QUESTIONS)
                        .toList();
                title = bank.content().title();
            }
            case "mock" -> {
                List<StoredQuestion> pool =
                        new ArrayList<>(questions.matching(QuestionService.Filter.ALL, MAX_QUESTIONS * 20));
                Collections.shuffle(pool, new Random());
                chosen = pool.stream().limit(MAX_QUESTIONS).toList();
                title = "Full mock: " + chosen.size() + " questions, 2 hours";
                time = MOCK_TIME;
            }
            default ->
                throw new PracticeException(
                        "kind",
                        "The kind must be daily, topic, custom, mistakes, mock, bank or review, not '" + request.kind()
                                + "'.");
        }
        chosen = chosen.stream().filter(q -> !q.question().options().isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new PracticeException("kind", "No questions with options match that quiz.");
        }
        // whole seconds: the deadline is shown and compared as such
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration limit = time != null ? time : settings.timePerQuestion().multipliedBy(chosen.size());
        MarkingScheme scheme = settings.scheme(paper);
        Attempt draft = new Attempt(
                0,
                learner.userId(),
                learner.visitor(),
                kind,
                title,
                quizKey,
                scheme.name(),
                now,
                now.plus(limit),
                null,
                null,
                List.of());
        Random random = new Random();
        boolean shuffleOptions = kind.equals("custom") && request.shuffle();
        List<OptionOrder> orders = chosen.stream()
                .map(q -> shuffleOptions ? OptionOrder.shuffled(q.question(), random) : OptionOrder.NATURAL)
                .toList();
        long id =
                repository.insert(draft, chosen.stream().map(StoredQuestion::id).toList(), orders);
        return repository.find(id).orElseThrow();
    }

    /** The attempt, if {@code learner} owns it; anyone else's is, to them, no attempt at all. */
    @Transactional(readOnly = true)
    Attempt find(Learner learner, long id) {
        return repository
                .find(id)
                .filter(learner::owns)
                .orElseThrow(() -> new NotFoundException("You have no attempt " + id + "."));
    }

    /** The learner's latest attempt at the daily quiz of {@code date}, if any. */
    @Transactional(readOnly = true)
    Optional<Attempt> dailyAttempt(Learner learner, LocalDate date) {
        return repository
                .latestAt("daily:" + date, learner.userId(), learner.visitor())
                .flatMap(repository::find);
    }

    /** The questions of an attempt, in its order, as they are stored (their own labels and key). */
    private List<StoredQuestion> questionsOf(Attempt attempt) {
        return questions.byIds(
                attempt.answers().stream().map(Attempt.Answer::questionId).toList());
    }

    /**
     * An attempt as the learner sees it: its questions with their options in the order shown, and
     * the answers in those labels.
     */
    record Shown(Attempt attempt, List<StoredQuestion> questions) {}

    @Transactional(readOnly = true)
    Shown shown(Attempt attempt) {
        Map<Long, StoredQuestion> byId = new HashMap<>();
        questionsOf(attempt).forEach(q -> byId.put(q.id(), q));
        List<StoredQuestion> shown = new ArrayList<>();
        List<Attempt.Answer> answers = new ArrayList<>();
        for (Attempt.Answer a : attempt.answers()) {
            StoredQuestion q = byId.get(a.questionId());
            if (q != null) {
                shown.add(shown(q, a));
                answers.add(a.shown(q.question()));
            }
        }
        return new Shown(
                new Attempt(
                        attempt.id(),
                        attempt.userId(),
                        attempt.visitor(),
                        attempt.kind(),
                        attempt.title(),
                        attempt.quizKey(),
                        attempt.scheme(),
                        attempt.startedAt(),
                        attempt.deadline(),
                        attempt.submittedAt(),
                        attempt.submittedBy(),
                        answers),
                shown);
    }

    private static StoredQuestion shown(StoredQuestion q, Attempt.Answer a) {
        OptionOrder order = new OptionOrder(a.optionOrder() == null ? "" : a.optionOrder());
        return new StoredQuestion(q.id(), order.shown(q.question()), q.dropped(), q.source());
    }

    /**
     * Saves an answer ({@code choice} null or empty clears it) while the attempt is open.
     *
     * @throws AttemptClosedException when it was submitted or its time is up: nothing changed
     */
    @Transactional
    void answer(Learner learner, long attemptId, long questionId, String choice, Confidence confidence) {
        Attempt attempt = find(learner, attemptId);
        StoredQuestion question = questionIn(attempt, questionId);
        Attempt.Answer current = attempt.answers().stream()
                .filter(a -> a.questionId() == questionId)
                .findFirst()
                .orElseThrow();
        String labels = normalise(choice);
        if (labels != null) {
            Set<String> allowed = new HashSet<>();
            question.question().options().forEach(o -> allowed.add(o.label()));
            for (char c : labels.toCharArray()) {
                if (!allowed.contains(String.valueOf(c))) {
                    throw new PracticeException(
                            "choice", "'" + choice + "' is not an option of this question " + allowed + ".");
                }
            }
        }
        // the learner chose among the labels shown; the question's own labels are stored and marked
        String own = new OptionOrder(current.optionOrder() == null ? "" : current.optionOrder())
                .toOwn(question.question(), labels);
        if (!repository.saveAnswer(attemptId, questionId, own, own == null ? null : confidence, clock.instant())) {
            throw closed(attemptId);
        }
        saves.increment();
    }

    /** The learner has question {@code position} of the attempt on screen now (time per question). */
    @Transactional
    void view(Learner learner, long attemptId, int position) {
        Attempt attempt = find(learner, attemptId);
        if (!attempt.submitted()
                && position >= 0
                && position < attempt.answers().size()) {
            repository.visit(attemptId, position, clock.instant());
        }
    }

    /** Marks a question for review (or unmarks it), and records that the learner has seen it. */
    @Transactional
    void flag(Learner learner, long attemptId, long questionId, Boolean marked) {
        Attempt attempt = find(learner, attemptId);
        questionIn(attempt, questionId);
        if (!repository.saveFlags(attemptId, questionId, marked, clock.instant())) {
            throw closed(attemptId);
        }
    }

    /**
     * Submits the attempt and marks it. A second submission changes nothing: it says so.
     *
     * @throws AttemptClosedException when it was already submitted
     */
    @Transactional
    Result submit(Learner learner, long attemptId) {
        Attempt attempt = find(learner, attemptId);
        Instant now = clock.instant();
        // after the deadline, the sweep's time-out stands: the attempt ends at its deadline
        boolean late = !now.isBefore(attempt.deadline());
        if (!repository.claimSubmission(attemptId, late ? attempt.deadline() : now, late ? "timeout" : "learner")) {
            throw new AttemptClosedException("This attempt was already submitted; nothing changed.");
        }
        repository.visit(attemptId, null, late ? attempt.deadline() : now);
        markAndStore(attemptId, false);
        return result(learner, attemptId);
    }

    /**
     * Submits every attempt whose time ran out ({@link AttemptSweep} runs it on one node at a time);
     * each attempt once, whichever node claims it: the claim is a conditional update.
     */
    @Transactional
    public int sweep() {
        int submitted = 0;
        for (long id : repository.overdue(clock.instant(), 500)) {
            Attempt attempt = repository.find(id).orElseThrow();
            if (repository.claimSubmission(id, attempt.deadline(), "timeout")) {
                repository.visit(id, null, attempt.deadline());
                markAndStore(id, false);
                submitted++;
            }
        }
        return submitted;
    }

    /** Submits one attempt whose time ran out (a page found it so before the sweep did); a no-op if it was. */
    @Transactional
    void timeOut(long attemptId) {
        Attempt attempt = repository.find(attemptId).orElseThrow();
        if (!clock.instant().isBefore(attempt.deadline())
                && repository.claimSubmission(attemptId, attempt.deadline(), "timeout")) {
            repository.visit(attemptId, null, attempt.deadline());
            markAndStore(attemptId, false);
        }
    }

    /** Questions the learner has answered in submitted attempts. */
    @Transactional(readOnly = true)
    List<Long> answeredQuestions(Learner learner) {
        return learner.signedIn() ? repository.answeredBy(learner.userId()) : List.of();
    }

    /** The marked result of a submitted attempt. */
    @Transactional(readOnly = true)
    Result result(Learner learner, long attemptId) {
        Attempt attempt = find(learner, attemptId);
        if (!attempt.submitted()) {
            throw new PracticeException(null, "This attempt is still open: submit it to see the result.");
        }
        return result(attempt);
    }

    private Result result(Attempt attempt) {
        List<StoredQuestion> qs = questionsOf(attempt);
        Map<Long, StoredQuestion> byId = new HashMap<>();
        qs.forEach(q -> byId.put(q.id(), q));
        MarkingScheme scheme = settings.named(attempt.scheme());
        List<Result.Item> items = new ArrayList<>();
        int right = 0, wrong = 0, blank = 0, notMarked = 0;
        BigFraction total = BigFraction.ZERO;
        Map<String, Result.Tally> byConfidence = new LinkedHashMap<>();
        Map<String, Result.Tally> byPaper = new LinkedHashMap<>();
        Map<String, Result.Tally> byTopic = new LinkedHashMap<>();
        for (Attempt.Answer a : attempt.answers()) {
            StoredQuestion q = byId.get(a.questionId());
            Marking.Mark mark = q == null
                    ? new Marking.Mark(Marking.Outcome.NOT_MARKED, BigFraction.ZERO)
                    : Marking.mark(q.question().answer(), q.dropped(), a.choice(), scheme);
            switch (mark.outcome()) {
                case RIGHT -> right++;
                case WRONG -> wrong++;
                case BLANK -> blank++;
                case NOT_MARKED -> notMarked++;
            }
            total = total.add(mark.marks());
            boolean correct = mark.outcome() == Marking.Outcome.RIGHT;
            if (correct || mark.outcome() == Marking.Outcome.WRONG) {
                tally(byConfidence, a.confidence() == null ? "not said" : a.confidence().label, correct, mark);
            }
            if (q != null && mark.outcome() != Marking.Outcome.NOT_MARKED) {
                tally(
                        byPaper,
                        q.source().syllabus().isEmpty()
                                ? "Other"
                                : q.source().syllabus().get(0),
                        correct,
                        mark);
                tally(
                        byTopic,
                        q.source().category() == null ? "Other" : q.source().category(),
                        correct,
                        mark);
            }
            items.add(new Result.Item(
                    a.position() + 1,
                    q == null ? null : shown(q, a),
                    q == null ? null : QuestionType.of(q.question()),
                    q == null ? a : a.shown(q.question()),
                    mark.outcome(),
                    mark.marks()));
        }
        int rank = 0, of = 0, percentile = 0;
        if (attempt.quizKey() != null) {
            List<BigFraction> scores = repository.scoresOf(attempt.quizKey());
            BigFraction mine = total;
            of = scores.size();
            rank = 1 + (int) scores.stream().filter(s -> s.compareTo(mine) > 0).count();
            long notAbove = scores.stream().filter(s -> s.compareTo(mine) <= 0).count();
            percentile = of == 0 ? 0 : (int) Math.round(100.0 * notAbove / of);
        }
        return new Result(
                attempt,
                total,
                right,
                wrong,
                blank,
                notMarked,
                byConfidence,
                byPaper,
                byTopic,
                rank,
                of,
                percentile,
                items);
    }

    private static void tally(Map<String, Result.Tally> tallies, String key, boolean right, Marking.Mark mark) {
        tallies.merge(
                key,
                new Result.Tally(1, right ? 1 : 0, mark.marks()),
                (x, y) -> new Result.Tally(
                        x.answered() + y.answered(),
                        x.right() + y.right(),
                        x.marks().add(y.marks())));
    }

    /** A corrected key, or a question dropped or taken back: every submitted attempt holding it is marked again. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ArticleChanged change) {
        remark(questions.idsOfArticle(change.id()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(QuestionsRemarked change) {
        remark(change.questionIds());
    }

    private void remark(List<Long> questionIds) {
        for (long attempt : repository.submittedWith(questionIds)) {
            markAndStore(attempt, true);
        }
    }

    /** A learner's attempts, newest first. */
    @Transactional(readOnly = true)
    List<Attempt> history(Learner learner, int limit) {
        return learner.signedIn() ? repository.history(learner.userId(), limit) : List.of();
    }

    /** A visitor's attempts become the user's when they sign in. */
    @Transactional
    int adopt(String visitor, long user) {
        return repository.adopt(visitor, user);
    }

    private void markAndStore(long attemptId, boolean remarking) {
        Attempt attempt = repository.find(attemptId).orElseThrow();
        Result result = result(attempt);
        List<PracticeRepository.StoredMark> marks = result.items().stream()
                .map(i -> new PracticeRepository.StoredMark(
                        i.number() - 1, i.outcome().name().toLowerCase(Locale.ROOT), i.marks()))
                .toList();
        repository.storeMarks(
                attemptId,
                marks,
                new PracticeRepository.Score(result.score(), result.right(), result.wrong(), result.blank()),
                remarking);
        if (!remarking && attempt.userId() != null) {
            List<Revision.Answered> answered = new ArrayList<>();
            for (Result.Item i : result.items()) {
                Attempt.Answer a = attempt.answers().get(i.number() - 1);
                answered.add(
                        new Revision.Answered(a.questionId(), i.outcome(), a.confidence(), a.marked(), a.seconds()));
            }
            revision.record(attempt.userId(), attemptId, answered);
        }
    }

    private StoredQuestion questionIn(Attempt attempt, long questionId) {
        if (attempt.answers().stream().noneMatch(a -> a.questionId() == questionId)) {
            throw new NotFoundException("Attempt " + attempt.id() + " has no question " + questionId + ".");
        }
        return questions
                .byId(questionId)
                .orElseThrow(() -> new NotFoundException("Question " + questionId + " no longer exists."));
    }

    private AttemptClosedException closed(long attemptId) {
        Attempt now = repository.find(attemptId).orElseThrow();
        return new AttemptClosedException(
                now.submitted()
                        ? "This attempt has been submitted; the answer was not saved."
                        : "Time is up for this attempt; the answer was not saved.");
    }

    /** "d", " D ", "a,c" → "D", "AC"; empty → null. */
    private static String normalise(String choice) {
        if (choice == null) {
            return null;
        }
        String labels = choice.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        if (labels.isEmpty()) {
            return null;
        }
        StringBuilder sorted = new StringBuilder();
        labels.chars().sorted().distinct().forEach(c -> sorted.append((char) c));
        return sorted.toString();
    }

    private static QuestionService.Filter filter(Request request) {
        return request.filter() == null ? QuestionService.Filter.ALL : request.filter();
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }
}
