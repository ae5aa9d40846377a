package app.almanac.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends one row per write to the {@code change_log} table. Derived stores (the search index, page
 * caches) on every app node follow this log instead of listening in-process, which is what lets
 * several nodes share one database. It must join the caller's transaction so that a change and its
 * log entry commit or roll back together.
 */
@Component
public class ChangeLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ChangeLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code entity} number {@code id} was created, updated or deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String entity, long id, Action action) {
        jdbc.sql("""
                insert into change_log (entity, entity_id, action, occurred_at)
                values (:entity, :id, :action, :at)""")
                .param("entity", entity)
                .param("id", id)
                .param("action", action.name())
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /** What happened to an entity. */
    public enum Action {
        CREATED,
        UPDATED,
        DELETED
    }

    /** One entry of the log. */
    public record Entry(long id, String entity, long entityId, Action action, Instant occurredAt) {

        /**
         * What tells this entry from another that got the same id: after a crash lost commits,
         * ids are handed out again, and a store that applied the lost entry must notice.
         */
        public String fingerprint() {
            return entity + "/" + entityId + "/" + action + "@" + occurredAt.toEpochMilli();
        }
    }

    /** The entry with this id, if it is committed. */
    public Optional<Entry> find(long id) {
        return jdbc.sql("select id, entity, entity_id, action, occurred_at from change_log where id = :id")
                .param("id", id)
                .query(ChangeLog::entry)
                .optional();
    }

    /** Up to {@code limit} entries with ids above {@code afterId}, lowest first (those committed so far). */
    public List<Entry> since(long afterId, int limit) {
        return jdbc.sql(
                        "select id, entity, entity_id, action, occurred_at from change_log where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(ChangeLog::entry)
                .list();
    }

    /** The entries among {@code ids} that are committed now, lowest first. */
    public List<Entry> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, entity, entity_id, action, occurred_at from change_log where id in (:ids) order by id")
                .param("ids", ids)
                .query(ChangeLog::entry)
                .list();
    }

    /** The ids of committed entries in {@code (after, upTo]}. */
    public List<Long> idsBetween(long after, long upTo) {
        return jdbc.sql("select id from change_log where id > :after and id <= :upTo order by id")
                .param("after", after)
                .param("upTo", upTo)
                .query(Long.class)
                .list();
    }

    /** The id of the newest entry, or 0 when the log is empty. */
    public long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from change_log")
                .query(Long.class)
                .single();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getString("entity"),
                rs.getLong("entity_id"),
                Action.valueOf(rs.getString("action")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
