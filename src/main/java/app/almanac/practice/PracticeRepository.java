package app.almanac.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Attempts and their answers, in plain SQL. */
@Repository
class PracticeRepository {

    private static final String ATTEMPT_COLUMNS = "id, user_id, visitor, kind, title, quiz_key, scheme, started_at,"
            + " deadline, submitted_at, submitted_by";

    /** The stored marks of a submitted attempt. */
    record Score(BigFraction total, int right, int wrong, int blank) {}

    /** One answer's stored outcome, as marked at submission (or re-marked since). */
    record StoredMark(int position, String outcome, BigFraction marks) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    PracticeRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(Attempt a, List<Long> questionIds, List<OptionOrder> orders) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into practice_attempt (user_id, visitor, kind, title, quiz_key, scheme, started_at, deadline)
                values (:user, :visitor, :kind, :title, :quiz, :scheme, :started, :deadline)""")
                .param("user", a.userId())
                .param("visitor", a.visitor())
                .param("kind", a.kind())
                .param("title", a.title())
                .param("quiz", a.quizKey())
                .param("scheme", a.scheme())
                .param("started", utc(a.startedAt()))
                .param("deadline", utc(a.deadline()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < questionIds.size(); i++) {
            rows.add(new MapSqlParameterSource()
                    .addValue("attempt", id)
                    .addValue("pos", i)
                    .addValue("question", questionIds.get(i))
                    .addValue(
                            "order",
                            orders.get(i).labels().isEmpty()
                                    ? null
                                    : orders.get(i).labels()));
        }
        batch.batchUpdate(
                "insert into practice_answer (attempt_id, position, question_id, option_order)"
                        + " values (:attempt, :pos, :question, :order)",
                rows.toArray(SqlParameterSource[]::new));
        return id;
    }

    Optional<Attempt> find(long id) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from practice_attempt where id = :id")
                .param("id", id)
                .query((rs, n) -> attempt(rs, answers(rs.getLong("id"))))
                .optional();
    }

    private List<Attempt.Answer> answers(long attempt) {
        return jdbc.sql("""
                        select position, question_id, choice, confidence, marked, visited, first_choice, remarked, seconds,
                            option_order
                        from practice_answer where attempt_id = :id order by position""")
                .param("id", attempt)
                .query((rs, n) -> new Attempt.Answer(
                        rs.getInt("position"),
                        rs.getLong("question_id"),
                        rs.getString("choice"),
                        Confidence.parse(rs.getString("confidence")),
                        rs.getBoolean("marked"),
                        rs.getBoolean("visited"),
                        rs.getString("first_choice"),
                        rs.getBoolean("remarked"),
                        rs.getInt("seconds"),
                        rs.getString("option_order")))
                .list();
    }

    /**
     * Saves one answer if the attempt is still open at {@code now}: one statement, so an answer
     * racing the deadline or a submission is either stored before it or refused, never half.
     */
    boolean saveAnswer(long attempt, long question, String choice, Confidence confidence, Instant now) {
        return jdbc.sql("""
                        update practice_answer set choice = :choice, confidence = :confidence, visited = true,
                            first_choice = coalesce(first_choice, :choice), saved_at = :now
                        where attempt_id = :attempt and question_id = :question
                          and exists (select 1 from practice_attempt t where t.id = :attempt
                                      and t.submitted_at is null and t.deadline > :now)""")
                        .param("choice", choice)
                        .param("confidence", confidence == null ? null : confidence.code)
                        .param("now", utc(now))
                        .param("attempt", attempt)
                        .param("question", question)
                        .update()
                == 1;
    }

    boolean saveFlags(long attempt, long question, Boolean marked, Instant now) {
        return jdbc.sql("""
                        update practice_answer set visited = true, marked = coalesce(:marked, marked)
                        where attempt_id = :attempt and question_id = :question
                          and exists (select 1 from practice_attempt t where t.id = :attempt
                                      and t.submitted_at is null and t.deadline > :now)""")
                        .param("marked", marked)
                        .param("now", utc(now))
                        .param("attempt", attempt)
                        .param("question", question)
                        .update()
                == 1;
    }

    /**
     * The learner has question {@code position} on screen from {@code now}: the time since the
     * previous question came on screen is added to that one.
     */
    void visit(long attempt, Integer position, Instant now) {
        record Current(Integer position, OffsetDateTime since) {}
        Current current = jdbc.sql("select current_position, current_since from practice_attempt where id = :id")
                .param("id", attempt)
                .query((rs, n) -> new Current(
                        (Integer) rs.getObject("current_position"),
                        rs.getObject("current_since", OffsetDateTime.class)))
                .single();
        if (current.position() != null && current.since() != null) {
            long seconds = Math.max(
                    0, Duration.between(current.since().toInstant(), now).toSeconds());
            jdbc.sql("update practice_answer set seconds = seconds + :s where attempt_id = :id and position = :pos")
                    .param("s", (int) Math.min(seconds, 24 * 3600))
                    .param("id", attempt)
                    .param("pos", current.position())
                    .update();
        }
        jdbc.sql("update practice_attempt set current_position = :pos, current_since = :now where id = :id")
                .param("pos", position)
                .param("now", position == null ? null : utc(now))
                .param("id", attempt)
                .update();
    }

    /** Claims the submission: true for exactly one caller, whichever node or sweep it is. */
    boolean claimSubmission(long attempt, Instant at, String by) {
        return jdbc.sql("update practice_attempt set submitted_at = :at, submitted_by = :by"
                                + " where id = :id and submitted_at is null")
                        .param("at", utc(at))
                        .param("by", by)
                        .param("id", attempt)
                        .update()
                == 1;
    }

    void storeMarks(long attempt, List<StoredMark> marks, Score score, boolean remarking) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (StoredMark m : marks) {
            rows.add(new MapSqlParameterSource()
                    .addValue("attempt", attempt)
                    .addValue("pos", m.position())
                    .addValue("outcome", m.outcome())
                    .addValue("num", m.marks().getNumeratorAsLong())
                    .addValue("den", m.marks().getDenominatorAsLong()));
        }
        batch.batchUpdate(
                remarking
                        ? "update practice_answer set remarked = case when outcome <> :outcome then true else remarked end,"
                                + " outcome = :outcome, marks_num = :num, marks_den = :den"
                                + " where attempt_id = :attempt and position = :pos"
                        : "update practice_answer set outcome = :outcome, marks_num = :num, marks_den = :den"
                                + " where attempt_id = :attempt and position = :pos",
                rows.toArray(SqlParameterSource[]::new));
        jdbc.sql("""
                update practice_attempt set score_num = :num, score_den = :den,
                    right_count = :right, wrong_count = :wrong, blank_count = :blank
                where id = :id""")
                .param("num", score.total().getNumeratorAsLong())
                .param("den", score.total().getDenominatorAsLong())
                .param("right", score.right())
                .param("wrong", score.wrong())
                .param("blank", score.blank())
                .param("id", attempt)
                .update();
    }

    /** Open attempts whose time ran out before {@code now}. */
    List<Long> overdue(Instant now, int limit) {
        return jdbc.sql("select id from practice_attempt where submitted_at is null and deadline <= :now"
                        + " order by deadline limit :limit")
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Submitted attempts holding any of these questions (to re-mark after a key changed). */
    List<Long> submittedWith(List<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct a.id from practice_attempt a join practice_answer p on p.attempt_id = a.id
                        where a.submitted_at is not null and p.question_id in (:ids)""").param("ids", questionIds).query(Long.class).list();
    }

    /** Scores of every submitted attempt at the same quiz, for rank and percentile. */
    List<BigFraction> scoresOf(String quizKey) {
        return jdbc.sql("select score_num, score_den from practice_attempt where quiz_key = :key"
                        + " and submitted_at is not null and score_den is not null")
                .param("key", quizKey)
                .query((rs, n) -> new BigFraction(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** A learner's attempts, newest first. */
    List<Attempt> history(long user, int limit) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from practice_attempt where user_id = :user"
                        + " order by started_at desc, id desc limit :limit")
                .param("user", user)
                .param("limit", limit)
                .query((rs, n) -> attempt(rs, List.of()))
                .list();
    }

    /** The open or finished attempt of {@code owner} at this quiz, newest first. */
    Optional<Long> latestAt(String quizKey, Long user, String visitor) {
        return jdbc.sql("select id from practice_attempt where quiz_key = :key and "
                        + (user != null ? "user_id = :owner" : "visitor = :owner")
                        + " order by started_at desc, id desc limit 1")
                .param("key", quizKey)
                .param("owner", user != null ? user : visitor)
                .query(Long.class)
                .optional();
    }

    /** A visitor's attempts become the user's, once they sign in. */
    int adopt(String visitor, long user) {
        return jdbc.sql("update practice_attempt set user_id = :user, visitor = null where visitor = :visitor"
                        + " and user_id is null")
                .param("user", user)
                .param("visitor", visitor)
                .update();
    }

    /** Question ids a learner has answered in any submitted attempt. */
    List<Long> answeredBy(long user) {
        return jdbc.sql("""
                        select distinct p.question_id from practice_answer p join practice_attempt a on a.id = p.attempt_id
                        where a.user_id = :user and a.submitted_at is not null and p.choice is not null""").param("user", user).query(Long.class).list();
    }

    private static Attempt attempt(ResultSet rs, List<Attempt.Answer> answers) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user; // a visitor's attempt has no user
        return new Attempt(
                rs.getLong("id"),
                userId,
                rs.getString("visitor"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("quiz_key"),
                rs.getString("scheme"),
                instant(rs, "started_at"),
                instant(rs, "deadline"),
                instant(rs, "submitted_at"),
                rs.getString("submitted_by"),
                answers);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
