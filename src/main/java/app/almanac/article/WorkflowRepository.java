package app.almanac.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The editorial side of the article table: states, revisions, and the compare-and-set that guards saves. */
@Repository
class WorkflowRepository {

    private static final String COLUMNS = "id, slug, title, published_on, status, publish_at, revision, updated_at";

    private final JdbcClient jdbc;

    WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Editorial> state(long id) {
        return jdbc.sql("select " + COLUMNS + " from article where id = :id")
                .param("id", id)
                .query(WorkflowRepository::editorial)
                .optional();
    }

    List<Editorial> byStatus(Status status, int limit) {
        String order = status == Status.SCHEDULED ? "publish_at, id" : "updated_at desc, id desc";
        return jdbc.sql("select " + COLUMNS + " from article where status = :status order by " + order
                        + " limit :limit")
                .param("status", status.code())
                .param("limit", limit)
                .query(WorkflowRepository::editorial)
                .list();
    }

    Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new TreeMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        jdbc.sql("select status, count(*) as n from article group by status").query(rs -> {
            counts.put(Status.of(rs.getString("status")), rs.getInt("n"));
        });
        return counts;
    }

    /**
     * Moves the article from revision {@code base} to {@code next}, only if {@code base} is still
     * current. The row stays locked until commit, so of two editors saving at once exactly one wins.
     */
    boolean claim(long id, int base, int next) {
        return jdbc.sql("update article set revision = :next where id = :id and revision = :base")
                        .param("next", next)
                        .param("id", id)
                        .param("base", base)
                        .update()
                == 1;
    }

    void updateIdentity(long id, String identityKey, String slug) {
        jdbc.sql("update article set identity_key = :key, slug = :slug where id = :id")
                .param("key", identityKey)
                .param("slug", slug)
                .param("id", id)
                .update();
    }

    void setStatus(long id, Status status, OffsetDateTime publishAt, OffsetDateTime now) {
        jdbc.sql("update article set status = :status, publish_at = :at, updated_at = :now where id = :id")
                .param("status", status.code())
                .param("at", publishAt)
                .param("now", now)
                .param("id", id)
                .update();
    }

    List<Long> due(OffsetDateTime now) {
        return jdbc.sql("select id from article where status = 'scheduled' and publish_at <= :now order by publish_at")
                .param("now", now)
                .query(Long.class)
                .list();
    }

    /** Publishes a scheduled article whose time has come; false when another node got there first. */
    boolean publishIfDue(long id, OffsetDateTime now) {
        return jdbc.sql("""
                update article set status = 'published', updated_at = :now
                where id = :id and status = 'scheduled' and publish_at <= :now""").param("now", now).param("id", id).update() == 1;
    }

    List<Revision> revisions(long id) {
        return jdbc.sql(
                        "select revision, saved_at, saved_by from article_revision where article_id = :id order by revision desc")
                .param("id", id)
                .query((rs, n) -> new Revision(
                        rs.getInt("revision"),
                        rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
                        rs.getString("saved_by")))
                .list();
    }

    Optional<String> revisionJson(long id, int revision) {
        return jdbc.sql("select content from article_revision where article_id = :id and revision = :revision")
                .param("id", id)
                .param("revision", revision)
                .query(String.class)
                .optional();
    }

    private static Editorial editorial(ResultSet rs, int n) throws SQLException {
        OffsetDateTime publishAt = rs.getObject("publish_at", OffsetDateTime.class);
        return new Editorial(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getObject("published_on", LocalDate.class),
                Status.of(rs.getString("status")),
                publishAt == null ? null : publishAt.toInstant(),
                rs.getInt("revision"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
