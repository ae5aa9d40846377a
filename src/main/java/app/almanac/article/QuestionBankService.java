package app.almanac.article;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.Hashes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores question banks. Identity rule: a bank is the same bank when its title is the same (compared
 * as {@link ArticleService#identityKey} compares titles);
 * identical content is unchanged, different content is a new revision, and each question keeps
 * its id while it stays at its position.
 */
@Service
public class QuestionBankService {

    static final String ENTITY = "question_bank";

    private final JdbcClient jdbc;
    private final QuestionRepository questions;
    private final ChangeLog changeLog;
    private final JsonMapper json;
    private final Clock clock;

    QuestionBankService(
            JdbcClient jdbc, QuestionRepository questions, ChangeLog changeLog, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.changeLog = changeLog;
        this.json = json;
        this.clock = clock;
    }

    /** What saving a bank did. */
    public record BankSaveResult(QuestionBank bank, SaveResult.Outcome outcome) {}

    @Transactional
    public BankSaveResult save(QuestionBankContent content) {
        String hash = Hashes.sha256(json.writeValueAsString(content));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        record Stored(long id, int revision, String hash, String title) {}
        // a bank is found by its slug; two titles with one slug get -2, -3… so they never merge
        String base = Slugs.of(content.title());
        String wanted = ArticleService.normalisedTitle(content.title());
        String slug = base;
        Optional<Stored> stored = Optional.empty();
        for (int n = 2; ; n++) {
            stored = jdbc.sql("select id, revision, content_hash, title from question_bank where slug = :slug")
                    .param("slug", slug)
                    .query((rs, i) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                    .optional();
            if (stored.isEmpty()
                    || ArticleService.normalisedTitle(stored.get().title()).equals(wanted)) {
                break;
            }
            slug = base + "-" + n;
        }
        if (stored.isPresent() && stored.get().hash().equals(hash)) {
            return new BankSaveResult(find(slug).orElseThrow(), SaveResult.Outcome.UNCHANGED);
        }
        long id;
        SaveResult.Outcome outcome;
        if (stored.isPresent()) {
            id = stored.get().id();
            jdbc.sql("""
                    update question_bank set title = :title, revision = revision + 1, content_hash = :hash,
                           updated_at = :now where id = :id""")
                    .param("id", id)
                    .param("title", content.title())
                    .param("hash", hash)
                    .param("now", now)
                    .update();
            outcome = SaveResult.Outcome.UPDATED;
        } else {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into question_bank (slug, title, revision, content_hash, created_at, updated_at)
                    values (:slug, :title, 1, :hash, :now, :now)""")
                    .param("slug", slug)
                    .param("title", content.title())
                    .param("hash", hash)
                    .param("now", now)
                    .update(keys, "id");
            id = keys.getKey().longValue();
            outcome = SaveResult.Outcome.CREATED;
        }
        questions.replace(QuestionRepository.Owner.BANK, id, content.questions());
        changeLog.append(
                ENTITY,
                id,
                outcome == SaveResult.Outcome.CREATED ? ChangeLog.Action.CREATED : ChangeLog.Action.UPDATED);
        return new BankSaveResult(find(slug).orElseThrow(), outcome);
    }

    @Transactional(readOnly = true)
    public Optional<QuestionBank> find(String slug) {
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
}
