package app.almanac.practice;

import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's mistakes notebook: every question they got wrong in a submitted attempt, and every
 * question they flagged, with the kind of mistake where it can be told, sorted by topic. Removing
 * an entry hides it until the next wrong answer to that question.
 */
@Service
public class Notebook {

    /** Why an answer went wrong, when the answer itself says so. */
    public enum Kind {
        OVERCONFIDENT("answered sure, and wrong"),
        CHANGED("changed from the right answer to a wrong one"),
        GUESSED("a guess"),
        FIFTY_FIFTY("a 50-50 that went the wrong way"),
        WRONG("wrong"),
        FLAGGED("flagged by you");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One entry.
     *
     * @param choice the latest wrong answer, or null for a flagged question answered right or not at all
     * @param times how many times it was answered wrong
     */
    public record Entry(
            StoredQuestion question, String topic, String choice, String kindLabel, int times, boolean flagged) {}

    private record Row(
            long questionId, String choice, String firstChoice, String confidence, int times, Instant last) {}

    private final JdbcClient jdbc;
    private final QuestionService questions;
    private final Clock clock;
    private final Revision revision;

    Notebook(JdbcClient jdbc, QuestionService questions, Clock clock, Revision revision) {
        this.revision = revision;
        this.jdbc = jdbc;
        this.questions = questions;
        this.clock = clock;
    }

    /** The notebook, by topic (the first syllabus paper, else the category), optionally one topic only. */
    @Transactional(readOnly = true)
    Map<String, List<Entry>> of(long user, String topic) {
        Map<Long, Row> wrong = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.question_id, p.choice, p.first_choice, p.confidence, a.submitted_at
                        from practice_answer p join practice_attempt a on a.id = p.attempt_id
                        where a.user_id = :user and p.outcome = 'wrong'
                        order by a.submitted_at desc, a.id desc""").param("user", user).query(rs -> {
            long q = rs.getLong(1);
            Row seen = wrong.get(q);
            wrong.put(
                    q,
                    seen == null
                            ? new Row(q, rs.getString(2), rs.getString(3), rs.getString(4), 1, instant(rs, 5))
                            : new Row(
                                    q,
                                    seen.choice(),
                                    seen.firstChoice(),
                                    seen.confidence(),
                                    seen.times() + 1,
                                    seen.last()));
        });
        Map<Long, Instant[]> marks = new HashMap<>();
        jdbc.sql("select question_id, flagged_at, removed_at from practice_notebook where user_id = :user")
                .param("user", user)
                .query(rs -> {
                    marks.put(rs.getLong(1), new Instant[] {instant(rs, 2), instant(rs, 3)});
                });
        List<Long> ids = new ArrayList<>();
        for (Row r : wrong.values()) {
            Instant[] m = marks.get(r.questionId());
            Instant removed = m == null ? null : m[1];
            if (removed == null || r.last().isAfter(removed) || (m[0] != null && m[0].isAfter(removed))) {
                ids.add(r.questionId());
            }
        }
        for (var e : marks.entrySet()) {
            Instant flagged = e.getValue()[0];
            Instant removed = e.getValue()[1];
            if (flagged != null && (removed == null || flagged.isAfter(removed)) && !ids.contains(e.getKey())) {
                ids.add(e.getKey());
            }
        }
        Map<String, List<Entry>> byTopic = new java.util.TreeMap<>();
        for (StoredQuestion q : questions.byIds(ids)) {
            Row r = wrong.get(q.id());
            Instant[] m = marks.get(q.id());
            boolean flagged = m != null && m[0] != null && (m[1] == null || m[0].isAfter(m[1]));
            String t = q.source().syllabus().isEmpty()
                    ? (q.source().category() == null ? "Other" : q.source().category())
                    : q.source().syllabus().get(0);
            if (topic != null && !topic.isBlank() && !topic.equals(t)) {
                continue;
            }
            byTopic.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(new Entry(
                            q,
                            t,
                            r == null ? null : r.choice(),
                            (r == null ? Kind.FLAGGED : kind(q, r)).label,
                            r == null ? 0 : r.times(),
                            flagged));
        }
        return byTopic;
    }

    /** The questions in the notebook, for a retake. */
    @Transactional(readOnly = true)
    List<Long> questionIds(long user) {
        List<Long> ids = new ArrayList<>();
        of(user, null)
                .values()
                .forEach(list -> list.forEach(e -> ids.add(e.question().id())));
        return ids;
    }

    @Transactional
    void flag(long user, long questionId) {
        if (questions.byId(questionId).isEmpty()) {
            throw new app.almanac.shared.NotFoundException("There is no question " + questionId + ".");
        }
        int updated = jdbc.sql(
                        "update practice_notebook set flagged_at = :now where user_id = :user and question_id = :q")
                .param("now", now())
                .param("user", user)
                .param("q", questionId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into practice_notebook (user_id, question_id, flagged_at) values (:user, :q, :now)")
                    .param("now", now())
                    .param("user", user)
                    .param("q", questionId)
                    .update();
        }
        revision.add(user, questionId, Revision.Reason.FLAGGED);
    }

    @Transactional
    void remove(long user, long questionId) {
        int updated = jdbc.sql(
                        "update practice_notebook set removed_at = :now where user_id = :user and question_id = :q")
                .param("now", now())
                .param("user", user)
                .param("q", questionId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into practice_notebook (user_id, question_id, removed_at) values (:user, :q, :now)")
                    .param("now", now())
                    .param("user", user)
                    .param("q", questionId)
                    .update();
        }
    }

    private static Kind kind(StoredQuestion q, Row r) {
        String key = String.join("", q.question().answer());
        if ("sure".equals(r.confidence())) {
            return Kind.OVERCONFIDENT;
        }
        if (r.firstChoice() != null && r.firstChoice().equals(key) && !key.equals(r.choice())) {
            return Kind.CHANGED;
        }
        if ("guess".equals(r.confidence())) {
            return Kind.GUESSED;
        }
        return "50-50".equals(r.confidence()) ? Kind.FIFTY_FIFTY : Kind.WRONG;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
