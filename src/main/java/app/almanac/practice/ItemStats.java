package app.almanac.practice;

import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Item statistics of the questions learners have answered, as Moodle defines them ({@link
 * ItemStatistics}): every submitted attempt counts, each question scored as marked (negative for a
 * wrong answer); a question dropped from marking is left out of its attempts. Editors see the
 * questions the figures flag; learners see a difficulty label.
 */
@Service
public class ItemStats {

    /** Fewer attempts than this and a question has no statistics: five answers say little. */
    static final int MINIMUM_ATTEMPTS = 5;

    /**
     * A question the statistics flag, with why.
     *
     * @param reasons "negative discrimination", "discriminative efficiency under 15%", "nobody answered right"
     */
    public record Flagged(
            StoredQuestion question,
            int attempts,
            double facility,
            double discriminationIndex,
            double discriminativeEfficiency,
            List<String> reasons) {}

    /** A quiz's internal consistency (Moodle's coefficient), by its key (such as {@code daily:2024-02-26}). */
    public record QuizConsistency(String quizKey, int attempts, int questions, double coefficient) {}

    private final JdbcClient jdbc;
    private final QuestionService questions;
    private final PracticeProperties settings;

    ItemStats(JdbcClient jdbc, QuestionService questions, PracticeProperties settings) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.settings = settings;
    }

    /** Every question's statistics over every submitted attempt that holds it. */
    @Transactional(readOnly = true)
    ItemStatistics.Report all() {
        return ItemStatistics.of(new ArrayList<>(attempts(null).values()), MINIMUM_ATTEMPTS);
    }

    /** The questions the statistics flag, worst first. */
    @Transactional(readOnly = true)
    public List<Flagged> flagged() {
        ItemStatistics.Report report = all();
        List<ItemStatistics.Item> bad = report.items().stream()
                .filter(i -> i.enoughAttempts()
                        && (i.negativeDiscrimination() || i.lowDiscriminativeEfficiency() || i.nobodyRight()))
                .toList();
        Map<Long, StoredQuestion> byId = new HashMap<>();
        questions
                .byIds(bad.stream().map(ItemStatistics.Item::questionId).toList())
                .forEach(q -> byId.put(q.id(), q));
        List<Flagged> out = new ArrayList<>();
        for (ItemStatistics.Item i : bad) {
            StoredQuestion q = byId.get(i.questionId());
            if (q == null || q.dropped()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (i.nobodyRight()) {
                reasons.add("nobody answered right");
            }
            if (i.negativeDiscrimination()) {
                reasons.add("negative discrimination: those who did worse overall did better on it");
            }
            if (i.lowDiscriminativeEfficiency()) {
                reasons.add("discriminative efficiency under 15%");
            }
            out.add(new Flagged(
                    q, i.attempts(), i.facility(), i.discriminationIndex(), i.discriminativeEfficiency(), reasons));
        }
        out.sort((a, b) -> Double.compare(
                Double.isNaN(a.discriminationIndex()) ? Double.MAX_VALUE : a.discriminationIndex(),
                Double.isNaN(b.discriminationIndex()) ? Double.MAX_VALUE : b.discriminationIndex()));
        return out;
    }

    /** The coefficient of internal consistency of each quiz taken by enough learners (the same questions for all). */
    @Transactional(readOnly = true)
    public List<QuizConsistency> quizzes() {
        Map<String, List<ItemStatistics.AttemptMarks>> byQuiz = new LinkedHashMap<>();
        Map<Long, String> keys = new HashMap<>();
        jdbc.sql("select id, quiz_key from practice_attempt where submitted_at is not null and quiz_key is not null")
                .query(rs -> {
                    keys.put(rs.getLong(1), rs.getString(2));
                });
        attempts(null).forEach((id, marks) -> {
            String key = keys.get(id);
            if (key != null) {
                byQuiz.computeIfAbsent(key, k -> new ArrayList<>()).add(marks);
            }
        });
        List<QuizConsistency> out = new ArrayList<>();
        byQuiz.forEach((key, attempts) -> {
            if (attempts.size() >= MINIMUM_ATTEMPTS) {
                ItemStatistics.Quiz quiz =
                        ItemStatistics.of(attempts, MINIMUM_ATTEMPTS).quiz();
                out.add(new QuizConsistency(
                        key, quiz.attempts(), quiz.items(), quiz.coefficientOfInternalConsistency()));
            }
        });
        return out;
    }

    /**
     * The difficulty of these questions from their facility (the mean mark as a share of the full
     * mark), for those answered in enough attempts; one aggregate query, for a result page.
     */
    @Transactional(readOnly = true)
    Map<Long, ItemStatistics.Difficulty> difficulty(Collection<Long> questionIds) {
        Map<Long, ItemStatistics.Difficulty> out = new HashMap<>();
        if (questionIds.isEmpty()) {
            return out;
        }
        Map<Long, BigFraction[]> sums = new HashMap<>(); // question → {sum of marks / full mark, count}
        jdbc.sql("""
                        select p.question_id, p.marks_num, p.marks_den, a.scheme
                        from practice_answer p join practice_attempt a on a.id = p.attempt_id
                        where p.question_id in (:ids) and a.submitted_at is not null and p.outcome <> 'not_marked'""").param("ids", questionIds).query(rs -> {
            BigFraction full = settings.named(rs.getString(4)).right();
            BigFraction share =
                    rs.getLong(3) == 0 ? BigFraction.ZERO : new BigFraction(rs.getLong(2), rs.getLong(3)).divide(full);
            BigFraction[] s =
                    sums.computeIfAbsent(rs.getLong(1), k -> new BigFraction[] {BigFraction.ZERO, BigFraction.ZERO});
            s[0] = s[0].add(share);
            s[1] = s[1].add(BigFraction.ONE);
        });
        sums.forEach((q, s) -> {
            if (s[1].intValue() >= MINIMUM_ATTEMPTS) {
                out.put(q, ItemStatistics.Difficulty.of(100 * s[0].divide(s[1]).doubleValue()));
            }
        });
        return out;
    }

    /** Each submitted attempt's marks, by attempt id; only {@code attemptIds} when not null. */
    private Map<Long, ItemStatistics.AttemptMarks> attempts(Collection<Long> attemptIds) {
        Map<Long, List<ItemStatistics.ItemMark>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.attempt_id, p.question_id, p.marks_num, p.marks_den, a.scheme
                        from practice_answer p join practice_attempt a on a.id = p.attempt_id
                        where a.submitted_at is not null and p.outcome is not null and p.outcome <> 'not_marked'
                        order by p.attempt_id, p.position""").query(rs -> {
            BigFraction full = settings.named(rs.getString(5)).right();
            BigFraction mark = rs.getLong(4) == 0 ? BigFraction.ZERO : new BigFraction(rs.getLong(3), rs.getLong(4));
            items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new ItemStatistics.ItemMark(rs.getLong(2), mark, full));
        });
        Map<Long, ItemStatistics.AttemptMarks> out = new LinkedHashMap<>();
        items.forEach((id, marks) -> {
            if (attemptIds == null || attemptIds.contains(id)) {
                BigFraction total = BigFraction.ZERO;
                BigFraction max = BigFraction.ZERO;
                for (ItemStatistics.ItemMark m : marks) {
                    total = total.add(m.mark());
                    max = max.add(m.maxMark());
                }
                out.put(id, new ItemStatistics.AttemptMarks(total, max, marks));
            }
        });
        return out;
    }
}
