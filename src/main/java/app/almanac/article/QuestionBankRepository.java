package app.almanac.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for question banks; their questions are kept by {@link QuestionRepository}. */
@Repository
class QuestionBankRepository {

    /** What a save needs to know of a stored bank. */
    record Stored(long id, int revision, String hash, String title) {}

    private final JdbcClient jdbc;
    private final QuestionRepository questions;

    QuestionBankRepository(JdbcClient jdbc, QuestionRepository questions) {
        this.jdbc = jdbc;
        this.questions = questions;
    }

    /** The title of bank {@code id}, or an empty string when there is no such bank. */
    String title(long id) {
        return jdbc.sql("select title from question_bank where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse("");
    }

    Optional<Stored> findBySlug(String slug) {
        return jdbc.sql("select id, revision, content_hash, title from question_bank where slug = :slug")
                .param("slug", slug)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<QuestionBank> find(String slug) {
        return jdbc.sql("select id, slug, revision, title from question_bank where slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new QuestionBank(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getInt("revision"),
                        new QuestionBankContent(
                                rs.getString("title"),
                                questions.load(QuestionRepository.Owner.BANK, rs.getLong("id")))))
                .optional();
    }

    long insert(String slug, String title, String hash, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into question_bank (slug, title, revision, content_hash, created_at, updated_at)
                values (:slug, :title, 1, :hash, :now, :now)""")
                .param("slug", slug)
                .param("title", title)
                .param("hash", hash)
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The next revision, only if {@code base} is still current (the same compare-and-set as articles'). */
    boolean claim(long id, int base, String title, String hash, OffsetDateTime now) {
        return jdbc.sql("""
                        update question_bank set title = :title, revision = :next, content_hash = :hash, updated_at = :now
                        where id = :id and revision = :base""")
                        .param("id", id)
                        .param("base", base)
                        .param("next", base + 1)
                        .param("title", title)
                        .param("hash", hash)
                        .param("now", now)
                        .update()
                == 1;
    }

    void replaceQuestions(long id, List<Question> list) {
        questions.replace(QuestionRepository.Owner.BANK, id, list);
    }
}
