package app.almanac.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Learners' revision cards, their reviews and their exam profiles, in plain SQL. */
@Repository
class RevisionRepository {

    /** A card as stored. */
    record Card(
            long userId,
            long questionId,
            String reason,
            double stability,
            double difficulty,
            LocalDate lastReview,
            LocalDate due,
            int reps,
            int lapses) {

        Fsrs.Memory memory() {
            return new Fsrs.Memory(stability, difficulty);
        }
    }

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ExamScheduler.Plan> plan(long user) {
        return jdbc.sql("select exam_date, daily_budget, retention from practice_profile where user_id = :user")
                .param("user", user)
                .query((rs, n) ->
                        new ExamScheduler.Plan(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getDouble(3)))
                .optional();
    }

    void savePlan(long user, ExamScheduler.Plan plan, Instant now) {
        int updated = jdbc.sql("""
                        update practice_profile set exam_date = :exam, daily_budget = :budget, retention = :retention,
                            updated_at = :now where user_id = :user""")
                .param("exam", plan.examDate())
                .param("budget", plan.dailyBudget())
                .param("retention", plan.retention())
                .param("now", utc(now))
                .param("user", user)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into practice_profile (user_id, exam_date, daily_budget, retention, updated_at)
                            values (:user, :exam, :budget, :retention, :now)""")
                    .param("exam", plan.examDate())
                    .param("budget", plan.dailyBudget())
                    .param("retention", plan.retention())
                    .param("now", utc(now))
                    .param("user", user)
                    .update();
        }
    }

    /** The learner's cards in revision (not removed), these questions only when {@code questionIds} is not null. */
    Map<Long, Card> cards(long user, List<Long> questionIds) {
        Map<Long, Card> cards = new HashMap<>();
        if (questionIds != null && questionIds.isEmpty()) {
            return cards;
        }
        String sql = "select user_id, question_id, reason, stability, difficulty, last_review, due, reps, lapses"
                + " from practice_card where user_id = :user and removed_at is null"
                + (questionIds == null ? "" : " and question_id in (:ids)");
        var spec = jdbc.sql(sql).param("user", user);
        if (questionIds != null) {
            spec = spec.param("ids", questionIds);
        }
        spec.query((rs, n) -> new Card(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getInt(8),
                        rs.getInt(9)))
                .list()
                .forEach(c -> cards.put(c.questionId(), c));
        return cards;
    }

    int count(long user) {
        return jdbc.sql("select count(*) from practice_card where user_id = :user and removed_at is null")
                .param("user", user)
                .query(Integer.class)
                .single();
    }

    /** The cards due on or before {@code day}, the most overdue first. */
    List<Card> due(long user, LocalDate day, int limit) {
        return jdbc.sql("""
                        select user_id, question_id, reason, stability, difficulty, last_review, due, reps, lapses
                        from practice_card where user_id = :user and removed_at is null and due <= :day
                        order by due, last_review, question_id limit :limit""")
                .param("user", user)
                .param("day", day)
                .param("limit", limit)
                .query((rs, n) -> new Card(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getInt(8),
                        rs.getInt(9)))
                .list();
    }

    /** How many cards are due on each day from {@code from} (cards overdue before it counted on it). */
    Map<LocalDate, Integer> load(long user, LocalDate from) {
        Map<LocalDate, Integer> load = new HashMap<>();
        jdbc.sql("""
                        select due, count(*) from practice_card where user_id = :user and removed_at is null
                        group by due""").param("user", user).query(rs -> {
            LocalDate due = rs.getObject(1, LocalDate.class);
            load.merge(due.isBefore(from) ? from : due, rs.getInt(2), Integer::sum);
        });
        return load;
    }

    /** Stores a card (a new one, one taken back into revision, or one after a review). */
    void save(Card card, Instant now) {
        int updated = jdbc.sql("""
                        update practice_card set stability = :s, difficulty = :d, last_review = :last, due = :due,
                            reps = :reps, lapses = :lapses, reason = :reason,
                            added_at = case when removed_at is null then added_at else :now end, removed_at = null
                        where user_id = :user and question_id = :q""").params(params(card, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into practice_card (user_id, question_id, reason, added_at, stability, difficulty,
                                last_review, due, reps, lapses)
                            values (:user, :q, :reason, :now, :s, :d, :last, :due, :reps, :lapses)""").params(params(card, now)).update();
        }
    }

    void reschedule(long user, long questionId, LocalDate due) {
        jdbc.sql("update practice_card set due = :due where user_id = :user and question_id = :q")
                .param("due", due)
                .param("user", user)
                .param("q", questionId)
                .update();
    }

    void logReview(Card card, Long attemptId, Fsrs.Rating rating) {
        jdbc.sql("""
                        insert into practice_review (user_id, question_id, attempt_id, reviewed_on, rating,
                            stability, difficulty, due)
                        values (:user, :q, :attempt, :day, :rating, :s, :d, :due)""")
                .param("user", card.userId())
                .param("q", card.questionId())
                .param("attempt", attemptId)
                .param("day", card.lastReview())
                .param("rating", rating.ordinal() + 1)
                .param("s", card.stability())
                .param("d", card.difficulty())
                .param("due", card.due())
                .update();
    }

    boolean remove(long user, long questionId, Instant now) {
        return jdbc.sql("update practice_card set removed_at = :now where user_id = :user and question_id = :q"
                                + " and removed_at is null")
                        .param("now", utc(now))
                        .param("user", user)
                        .param("q", questionId)
                        .update()
                > 0;
    }

    private static Map<String, Object> params(Card card, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", card.userId());
        p.put("q", card.questionId());
        p.put("reason", card.reason());
        p.put("now", utc(now));
        p.put("s", card.stability());
        p.put("d", card.difficulty());
        p.put("last", card.lastReview());
        p.put("due", card.due());
        p.put("reps", card.reps());
        p.put("lapses", card.lapses());
        return p;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
