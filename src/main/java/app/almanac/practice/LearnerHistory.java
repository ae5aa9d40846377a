package app.almanac.practice;

import app.almanac.article.QuestionBank;
import app.almanac.article.QuestionBankService;
import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Almanac keeps of one learner's practice, for them to take elsewhere: every attempt
 * with every answer and its exact marks, the notebook, the revision cards with their reviews, and
 * the exam plan. Each question is named by its id and by where it lives (an analysis's slug and
 * date, or a bank's slug, and its number there), since ids mean nothing outside this database.
 */
@Service
public class LearnerHistory {

    /**
     * Where a question lives, so that it can be found again in an export of the articles.
     *
     * @param id the question's id in this database
     * @param article the analysis's slug, or null (a bank's question, or one no longer stored)
     * @param date the analysis's date, or null
     * @param bank the bank's slug, or null
     * @param title the analysis's or bank's title, or null
     * @param number the question's place in its analysis or bank, from 1; 0 when unknown
     * @param stem the question as asked now, or null when it is no longer stored
     */
    public record QuestionRef(
            long id, String article, LocalDate date, String bank, String title, int number, String stem) {}

    /**
     * One answer of an attempt, choices in the question's own option labels (as marked).
     *
     * @param position the place in the attempt, from 0
     * @param confidence sure, 50-50 or guess, or null
     * @param markedForReview whether the learner marked it to come back to
     * @param outcome right, wrong, blank or not_marked once submitted, else null
     * @param marks the exact marks once submitted, else null
     * @param remarked whether its marks changed after submission (a key corrected)
     * @param seconds the time spent on it
     * @param savedAt when the answer was last saved, or null if never
     * @param optionOrder the option labels in the order shown, when they were shuffled, else null
     */
    public record AnswerRecord(
            int position,
            QuestionRef question,
            String choice,
            String firstChoice,
            String confidence,
            boolean markedForReview,
            boolean visited,
            String outcome,
            BigFraction marks,
            boolean remarked,
            int seconds,
            Instant savedAt,
            String optionOrder) {}

    /**
     * One attempt.
     *
     * @param kind daily, topic, custom, mistakes, mock, bank or review
     * @param score the exact total once submitted, else null
     * @param submittedBy learner or timeout, or null while open
     */
    public record AttemptRecord(
            long id,
            String kind,
            String title,
            String quizKey,
            String scheme,
            Instant startedAt,
            Instant deadline,
            Instant submittedAt,
            String submittedBy,
            BigFraction score,
            Integer right,
            Integer wrong,
            Integer blank,
            List<AnswerRecord> answers) {}

    /**
     * One notebook entry as the learner sees it now.
     *
     * @param kind what kind of mistake it was ("answered sure, and wrong"), or "flagged by you"
     * @param choice the latest wrong answer, or null
     * @param timesWrong how many times it was answered wrong
     */
    public record NotebookRecord(
            QuestionRef question, String topic, String kind, String choice, int timesWrong, boolean flagged) {}

    /** A question the learner flagged into, or removed from, the notebook, and when. */
    public record NotebookMark(QuestionRef question, Instant flaggedAt, Instant removedAt) {}

    /**
     * A revision card.
     *
     * @param reason wrong, guess, 50-50, flagged or added
     * @param stability days until recall falls to 90%
     * @param difficulty 1 (easy) to 10 (hard)
     * @param removedAt when the learner took it out of revision, or null
     */
    public record CardRecord(
            QuestionRef question,
            String reason,
            Instant addedAt,
            double stability,
            double difficulty,
            LocalDate lastReview,
            LocalDate due,
            int reps,
            int lapses,
            Instant removedAt) {}

    /**
     * One review of a card.
     *
     * @param rating 1 Again, 2 Hard, 3 Good, 4 Easy
     * @param attemptId the attempt it was given in, or null
     */
    public record ReviewRecord(
            QuestionRef question,
            Long attemptId,
            LocalDate reviewedOn,
            int rating,
            double stability,
            double difficulty,
            LocalDate due) {}

    /** The learner's exam and revision budget. */
    public record Plan(LocalDate examDate, int dailyBudget, double retention) {}

    /** One learner's practice, oldest first throughout. */
    public record History(
            long userId,
            List<AttemptRecord> attempts,
            List<NotebookRecord> notebook,
            List<NotebookMark> notebookMarks,
            List<CardRecord> cards,
            List<ReviewRecord> reviews,
            Optional<Plan> plan) {

        /** How many answers all the attempts hold. */
        public int answers() {
            return attempts.stream().mapToInt(a -> a.answers().size()).sum();
        }
    }

    /** An answer row before its question is named. */
    private record AnswerRow(long attempt, long question, AnswerRecord answer) {}

    private final JdbcClient jdbc;
    private final QuestionService questions;
    private final QuestionBankService banks;
    private final Notebook notebook;

    LearnerHistory(JdbcClient jdbc, QuestionService questions, QuestionBankService banks, Notebook notebook) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.banks = banks;
        this.notebook = notebook;
    }

    /** The practice of user {@code userId} (the account room's id); empty lists for one who never practised. */
    @Transactional(readOnly = true)
    public History of(long userId) {
        List<AttemptRecord> attempts = jdbc.sql("""
                        select id, kind, title, quiz_key, scheme, started_at, deadline, submitted_at, submitted_by,
                            score_num, score_den, right_count, wrong_count, blank_count
                        from practice_attempt where user_id = :user order by started_at, id""")
                .param("user", userId)
                .query((rs, n) -> new AttemptRecord(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("title"),
                        rs.getString("quiz_key"),
                        rs.getString("scheme"),
                        instant(rs, "started_at"),
                        instant(rs, "deadline"),
                        instant(rs, "submitted_at"),
                        rs.getString("submitted_by"),
                        fraction(rs, "score_num", "score_den"),
                        rs.getObject("right_count", Integer.class),
                        rs.getObject("wrong_count", Integer.class),
                        rs.getObject("blank_count", Integer.class),
                        List.of()))
                .list();
        // one query for every answer of the learner rather than one per attempt
        List<AnswerRow> answerRows = jdbc.sql("""
                        select p.attempt_id, p.position, p.question_id, p.choice, p.first_choice, p.confidence,
                            p.marked, p.visited, p.outcome, p.marks_num, p.marks_den, p.remarked, p.seconds,
                            p.saved_at, p.option_order
                        from practice_answer p join practice_attempt a on a.id = p.attempt_id
                        where a.user_id = :user order by p.attempt_id, p.position""")
                .param("user", userId)
                .query((rs, n) -> new AnswerRow(
                        rs.getLong("attempt_id"),
                        rs.getLong("question_id"),
                        new AnswerRecord(
                                rs.getInt("position"),
                                null,
                                rs.getString("choice"),
                                rs.getString("first_choice"),
                                rs.getString("confidence"),
                                rs.getBoolean("marked"),
                                rs.getBoolean("visited"),
                                rs.getString("outcome"),
                                fraction(rs, "marks_num", "marks_den"),
                                rs.getBoolean("remarked"),
                                rs.getInt("seconds"),
                                instant(rs, "saved_at"),
                                rs.getString("option_order"))))
                .list();
        List<NotebookMark> marks = jdbc.sql(
                        "select question_id, flagged_at, removed_at from practice_notebook where user_id = :user"
                                + " order by question_id")
                .param("user", userId)
                .query((rs, n) -> new NotebookMark(
                        bare(rs.getLong("question_id")), instant(rs, "flagged_at"), instant(rs, "removed_at")))
                .list();
        List<CardRecord> cards = jdbc.sql("""
                        select question_id, reason, added_at, stability, difficulty, last_review, due, reps, lapses,
                            removed_at
                        from practice_card where user_id = :user order by added_at, question_id""")
                .param("user", userId)
                .query((rs, n) -> new CardRecord(
                        bare(rs.getLong("question_id")),
                        rs.getString("reason"),
                        instant(rs, "added_at"),
                        rs.getDouble("stability"),
                        rs.getDouble("difficulty"),
                        rs.getObject("last_review", LocalDate.class),
                        rs.getObject("due", LocalDate.class),
                        rs.getInt("reps"),
                        rs.getInt("lapses"),
                        instant(rs, "removed_at")))
                .list();
        List<ReviewRecord> reviews = jdbc.sql("""
                        select question_id, attempt_id, reviewed_on, rating, stability, difficulty, due
                        from practice_review where user_id = :user order by reviewed_on, id""")
                .param("user", userId)
                .query((rs, n) -> new ReviewRecord(
                        bare(rs.getLong("question_id")),
                        rs.getObject("attempt_id", Long.class),
                        rs.getObject("reviewed_on", LocalDate.class),
                        rs.getInt("rating"),
                        rs.getDouble("stability"),
                        rs.getDouble("difficulty"),
                        rs.getObject("due", LocalDate.class)))
                .list();
        Optional<Plan> plan = jdbc.sql(
                        "select exam_date, daily_budget, retention from practice_profile where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Plan(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getDouble(3)))
                .optional();
        List<NotebookRecord> entries = new ArrayList<>();
        List<Notebook.Entry> shown = new ArrayList<>();
        notebook.of(userId, null).values().forEach(shown::addAll);

        Set<Long> ids = new LinkedHashSet<>();
        answerRows.forEach(r -> ids.add(r.question()));
        marks.forEach(m -> ids.add(m.question().id()));
        cards.forEach(c -> ids.add(c.question().id()));
        reviews.forEach(r -> ids.add(r.question().id()));
        shown.forEach(e -> ids.add(e.question().id()));
        Map<Long, QuestionRef> refs = references(ids);

        Map<Long, List<AnswerRecord>> byAttempt = new HashMap<>();
        for (AnswerRow r : answerRows) {
            AnswerRecord a = r.answer();
            byAttempt
                    .computeIfAbsent(r.attempt(), k -> new ArrayList<>())
                    .add(new AnswerRecord(
                            a.position(),
                            refs.get(r.question()),
                            a.choice(),
                            a.firstChoice(),
                            a.confidence(),
                            a.markedForReview(),
                            a.visited(),
                            a.outcome(),
                            a.marks(),
                            a.remarked(),
                            a.seconds(),
                            a.savedAt(),
                            a.optionOrder()));
        }
        List<AttemptRecord> full = attempts.stream()
                .map(t -> new AttemptRecord(
                        t.id(),
                        t.kind(),
                        t.title(),
                        t.quizKey(),
                        t.scheme(),
                        t.startedAt(),
                        t.deadline(),
                        t.submittedAt(),
                        t.submittedBy(),
                        t.score(),
                        t.right(),
                        t.wrong(),
                        t.blank(),
                        List.copyOf(byAttempt.getOrDefault(t.id(), List.of()))))
                .toList();
        for (Notebook.Entry e : shown) {
            entries.add(new NotebookRecord(
                    refs.get(e.question().id()), e.topic(), e.kindLabel(), e.choice(), e.times(), e.flagged()));
        }
        return new History(
                userId,
                full,
                List.copyOf(entries),
                marks.stream()
                        .map(m -> new NotebookMark(refs.get(m.question().id()), m.flaggedAt(), m.removedAt()))
                        .toList(),
                cards.stream()
                        .map(c -> new CardRecord(
                                refs.get(c.question().id()),
                                c.reason(),
                                c.addedAt(),
                                c.stability(),
                                c.difficulty(),
                                c.lastReview(),
                                c.due(),
                                c.reps(),
                                c.lapses(),
                                c.removedAt()))
                        .toList(),
                reviews.stream()
                        .map(r -> new ReviewRecord(
                                refs.get(r.question().id()),
                                r.attemptId(),
                                r.reviewedOn(),
                                r.rating(),
                                r.stability(),
                                r.difficulty(),
                                r.due()))
                        .toList(),
                plan);
    }

    /**
     * Names each question by where it lives. A question no longer stored (its analysis cut it) keeps
     * only its id: an attempt outlives the questions it held.
     */
    private Map<Long, QuestionRef> references(Set<Long> ids) {
        Map<Long, QuestionRef> refs = new LinkedHashMap<>();
        ids.forEach(id -> refs.put(id, bare(id)));
        Map<Long, List<Long>> ofArticle = new HashMap<>();
        Map<String, Optional<QuestionBank>> bankByTitle = new HashMap<>();
        Map<Long, List<Long>> ofBank = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        // in slices, as the question room's own lookups are: a long IN list is planned poorly
        for (int from = 0; from < all.size(); from += 1000) {
            for (StoredQuestion q : questions.byIds(all.subList(from, Math.min(all.size(), from + 1000)))) {
                StoredQuestion.Source s = q.source();
                if (s.articleId() != 0) {
                    List<Long> siblings = ofArticle.computeIfAbsent(s.articleId(), questions::idsOfArticle);
                    refs.put(
                            q.id(),
                            new QuestionRef(
                                    q.id(),
                                    slugOf(s.path()),
                                    s.date(),
                                    null,
                                    s.title(),
                                    siblings.indexOf(q.id()) + 1,
                                    q.question().stem()));
                } else {
                    Optional<QuestionBank> bank = bankByTitle.computeIfAbsent(s.title(), banks::findByTitle);
                    int number = bank.map(b -> ofBank.computeIfAbsent(b.id(), questions::idsOfBank)
                                            .indexOf(q.id())
                                    + 1)
                            .orElse(0);
                    refs.put(
                            q.id(),
                            new QuestionRef(
                                    q.id(),
                                    null,
                                    null,
                                    bank.map(QuestionBank::slug).orElse(null),
                                    s.title(),
                                    number,
                                    q.question().stem()));
                }
            }
        }
        return refs;
    }

    /** The slug in a reader's path ({@code /articles/2024-02-26/slug}); null for a draft's desk page. */
    private static String slugOf(String path) {
        if (path == null || !path.startsWith("/articles/")) {
            return null;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static QuestionRef bare(long id) {
        return new QuestionRef(id, null, null, null, null, 0, null);
    }

    private static BigFraction fraction(ResultSet rs, String num, String den) throws SQLException {
        long n = rs.getLong(num);
        if (rs.wasNull()) {
            return null;
        }
        long d = rs.getLong(den);
        return rs.wasNull() || d == 0 ? null : new BigFraction(n, d);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
