package app.almanac.facts;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.ChangeLogFollower;
import app.almanac.shared.ChangeLogSubscriber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every entity with its names, held in memory on each node, so that an as-of question spends its
 * database round trips on facts alone (entities are few — hundreds, at most tens of thousands —
 * and change only when a data set is loaded). The copy is dropped when entities change: at once
 * after a commit on this node, and through the change log ({@value #CHANGE_LOG_ENTITY} entries)
 * when another node changed them. An id it does not know (written by another node a moment ago)
 * makes it read the table again, once.
 */
@Component
class EntityDirectory implements ChangeLogSubscriber {

    static final String CHANGE_LOG_ENTITY = "fact-entity";

    /** Entities changed in the transaction that publishes this; the copy is dropped after it commits. */
    record Changed() {}

    /** One reading of the tables: entities by id, and by every lower-cased key with its preference. */
    private record Snapshot(Map<Long, Entity> byId, Map<String, Long> byKey) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;
    /** Raised by every drop, so a reading that overlapped a change is not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private volatile ChangeLogCursor cursor;

    EntityDirectory(JdbcClient jdbc, ChangeLogFollower follower) {
        this.jdbc = jdbc;
        // the copy is read on first use, so only changes from now on matter
        this.cursor = follower.start();
    }

    /** The entity a slug, abbreviation, alias or name names, in any case (preferred in that order). */
    Optional<Entity> find(String name) {
        Snapshot s = snapshot();
        Long id = s.byKey().get(name.strip().toLowerCase(Locale.ROOT));
        return Optional.ofNullable(id).map(s.byId()::get);
    }

    /**
     * The entities with these ids. Inside a transaction that may have written some (a data set being
     * loaded), the ones the copy lacks are read for this call only.
     */
    Map<Long, Entity> get(Collection<Long> ids) {
        Snapshot s = snapshot;
        boolean inTransaction =
                org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
        if (s == null && !inTransaction) {
            s = reload();
        }
        if (s != null && !s.byId().keySet().containsAll(ids) && !inTransaction) {
            s = reload();
        }
        Map<Long, Entity> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Entity e = s == null ? null : s.byId().get(id);
            if (e != null) {
                out.put(id, e);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty() && inTransaction) {
            // read for this call only: the transaction's own writes must not stay in the copy
            Map<Long, Entity> now = reload().byId();
            missing.forEach(id -> {
                if (now.containsKey(id)) {
                    out.put(id, now.get(id));
                }
            });
        }
        return out;
    }

    /** Every entity, ordered by {@code order}. */
    List<Entity> all(Comparator<Entity> order) {
        return snapshot().byId().values().stream().sorted(order).toList();
    }

    /** After the transaction that changed entities ends, committed or not (it may have read its own writes). */
    @TransactionalEventListener(phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMPLETION)
    void on(Changed changed) {
        drop();
    }

    void drop() {
        generation.incrementAndGet();
        snapshot = null;
    }

    @Override
    public String name() {
        return "facts entity directory";
    }

    @Override
    public ChangeLogCursor cursor() {
        return cursor;
    }

    @Override
    public void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next) {
        if (entries.stream().anyMatch(e -> CHANGE_LOG_ENTITY.equals(e.entity()))) {
            drop();
        }
        cursor = next;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        return s != null ? s : reload();
    }

    private synchronized Snapshot reload() {
        long reading = generation.get();
        Map<Long, List<String>> abbreviations = new HashMap<>();
        Map<Long, List<String>> aliases = new HashMap<>();
        // lower-cased key -> (preference, id): slug 0, abbreviation 1, alias 2, name 3; the lowest id breaks ties
        Map<String, long[]> keys = new HashMap<>();
        jdbc.sql("select entity_id, name, name_key, kind from fact_entity_name order by name")
                .query(rs -> {
                    long id = rs.getLong(1);
                    String kind = rs.getString(4);
                    int preference = switch (kind) {
                        case "abbreviation" -> 1;
                        case "alias" -> 2;
                        default -> 3;
                    };
                    if (preference < 3) {
                        (preference == 1 ? abbreviations : aliases)
                                .computeIfAbsent(id, k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                    key(keys, rs.getString(3), preference, id);
                });
        Map<Long, Entity> byId = new LinkedHashMap<>();
        jdbc.sql("select id, slug, name, kind, hindi from fact_entity order by id")
                .query(rs -> {
                    long id = rs.getLong(1);
                    byId.put(
                            id,
                            new Entity(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    List.copyOf(abbreviations.getOrDefault(id, List.of())),
                                    List.copyOf(aliases.getOrDefault(id, List.of())),
                                    rs.getString(5)));
                    key(keys, rs.getString(2), 0, id);
                });
        Map<String, Long> byKey = new HashMap<>();
        keys.forEach((k, v) -> byKey.put(k, v[1]));
        Snapshot s = new Snapshot(Map.copyOf(byId), Map.copyOf(byKey));
        if (generation.get() == reading
                && !org.springframework.transaction.support.TransactionSynchronizationManager
                        .isActualTransactionActive()) {
            snapshot = s; // kept only if nothing changed meanwhile and no open transaction's writes are in it
        }
        return s;
    }

    private static void key(Map<String, long[]> keys, String key, int preference, long id) {
        long[] known = keys.get(key);
        if (known == null || preference < known[0] || (preference == known[0] && id < known[1])) {
            keys.put(key, new long[] {preference, id});
        }
    }
}
