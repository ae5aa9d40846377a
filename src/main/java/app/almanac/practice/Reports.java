package app.almanac.practice;

import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' reports of flawed questions (a wrong key, an ambiguous stem, an outdated fact, a
 * typo), and the editors' queue of them on the desk: each is fixed (the editor corrected the
 * question; attempts are re-marked by the correction itself) or dismissed.
 */
@Service
public class Reports {

    /** What can be wrong with a question. */
    public static final List<String> KINDS = List.of("wrong-key", "ambiguous", "outdated", "typo");

    /** One report with the question it is about (null when the question has since been removed). */
    public record Report(
            long id,
            long questionId,
            String kind,
            String note,
            Instant createdAt,
            String status,
            StoredQuestion question) {}

    private final JdbcClient jdbc;
    private final QuestionService questions;
    private final Clock clock;

    Reports(JdbcClient jdbc, QuestionService questions, Clock clock) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.clock = clock;
    }

    @Transactional
    void report(Long user, long questionId, String kind, String note) {
        if (questions.byId(questionId).isEmpty()) {
            throw new NotFoundException("There is no question " + questionId + ".");
        }
        if (!KINDS.contains(kind)) {
            throw new PracticeException("kind", "Say what is wrong: " + String.join(", ", KINDS) + ".");
        }
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > 2000) {
            throw new PracticeException("note", "A note can have at most 2,000 characters.");
        }
        jdbc.sql("""
                insert into practice_report (question_id, user_id, kind, note, created_at)
                values (:q, :user, :kind, :note, :now)""")
                .param("q", questionId)
                .param("user", user)
                .param("kind", kind)
                .param("note", text == null || text.isEmpty() ? null : text)
                .param("now", now())
                .update();
    }

    /** The open reports, oldest first. */
    @Transactional(readOnly = true)
    public List<Report> open(int limit) {
        record Row(long id, long questionId, String kind, String note, OffsetDateTime at, String status) {}
        List<Row> rows = jdbc.sql("select id, question_id, kind, note, created_at, status from practice_report"
                        + " where status = 'open' order by created_at, id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6)))
                .list();
        Map<Long, StoredQuestion> byId =
                questions.byIds(rows.stream().map(Row::questionId).distinct().toList()).stream()
                        .collect(Collectors.toMap(StoredQuestion::id, Function.identity()));
        return rows.stream()
                .map(r -> new Report(
                        r.id(),
                        r.questionId(),
                        r.kind(),
                        r.note(),
                        r.at().toInstant(),
                        r.status(),
                        byId.get(r.questionId())))
                .toList();
    }

    /** Closes report {@code id} as {@code fixed} or {@code dismissed}; false when it is not open. */
    @Transactional
    public boolean resolve(long id, String status, String editor) {
        if (!status.equals("fixed") && !status.equals("dismissed")) {
            throw new PracticeException("status", "A report is fixed or dismissed.");
        }
        return jdbc.sql("update practice_report set status = :status, resolved_by = :editor, resolved_at = :now"
                                + " where id = :id and status = 'open'")
                        .param("status", status)
                        .param("editor", editor)
                        .param("now", now())
                        .param("id", id)
                        .update()
                == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
