package app.almanac.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Entities, facts and their sources, in plain SQL. */
@Repository
class FactsRepository {

    private static final String FACT_COLUMNS = "f.id, f.subject_id, f.predicate, f.object_id, f.fact_value, f.status,"
            + " f.from_text, f.to_text, f.fact_rank, f.contested, f.note";

    private final JdbcClient jdbc;
    private final EntityDirectory directory;

    FactsRepository(JdbcClient jdbc, EntityDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    List<String> slugs() {
        return jdbc.sql("select slug from fact_entity").query(String.class).list();
    }

    /** Stores or updates an entity by its slug, with its names; returns its id. */
    long upsert(FactFile.Entity e, OffsetDateTime now) {
        Optional<Long> id = jdbc.sql("select id from fact_entity where slug = :slug")
                .param("slug", e.slug())
                .query(Long.class)
                .optional();
        long entity;
        if (id.isPresent()) {
            entity = id.get();
            jdbc.sql(
                            "update fact_entity set name = :name, kind = :kind, hindi = coalesce(:hindi, hindi), updated_at = :now"
                                    + " where id = :id")
                    .param("name", e.name())
                    .param("kind", e.kind())
                    .param("hindi", e.hindi())
                    .param("now", now)
                    .param("id", entity)
                    .update();
        } else {
            var keys = new GeneratedKeyHolder();
            jdbc.sql(
                            "insert into fact_entity (slug, name, kind, hindi, updated_at) values (:slug, :name, :kind, :hindi, :now)")
                    .param("slug", e.slug())
                    .param("name", e.name())
                    .param("kind", e.kind())
                    .param("hindi", e.hindi())
                    .param("now", now)
                    .update(keys, "id");
            entity = keys.getKey().longValue();
        }
        jdbc.sql("delete from fact_entity_name where entity_id = :id and kind = 'name'")
                .param("id", entity)
                .update();
        name(entity, e.name(), "name");
        for (String a : e.abbreviations()) {
            name(entity, a, "abbreviation");
        }
        for (String a : e.aliases()) {
            name(entity, a, "alias");
        }
        return entity;
    }

    private void name(long entity, String name, String kind) {
        if (jdbc.sql("select count(*) from fact_entity_name where entity_id = :id and name = :name and kind = :kind")
                        .param("id", entity)
                        .param("name", name)
                        .param("kind", kind)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("insert into fact_entity_name (entity_id, name, name_key, kind) values (:id, :name, :key, :kind)")
                    .param("id", entity)
                    .param("name", name)
                    .param("key", name.toLowerCase(Locale.ROOT))
                    .param("kind", kind)
                    .update();
        }
    }

    Optional<Long> entityId(String slug) {
        return jdbc.sql("select id from fact_entity where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    /** The entity a slug, an abbreviation, an alias or its name names, in any case (in that order of preference). */
    Optional<Entity> find(String name) {
        return directory.find(name);
    }

    Entity entity(long id) {
        return entities(List.of(id)).get(id);
    }

    Map<Long, Entity> entities(Collection<Long> ids) {
        return directory.get(ids);
    }

    /**
     * Whose members a question about {@code entity} on {@code day} is about, and whether that member
     * list is stated complete on that day: the entity itself, or the one it succeeded when the day is
     * before the succession (the CSTO before its 2002 Charter means the 1992 treaty). One query.
     */
    record Asked(long entity, boolean complete) {}

    Asked askedOn(long entity, LocalDate day) {
        return jdbc.sql("""
                        select x.asked, (select count(*) from fact_completeness c where c.entity_id = x.asked
                            and c.predicate = 'member-of' and (c.from_earliest is null or c.from_earliest <= :day)
                            and (c.to_latest is null or c.to_latest > :day))
                        from (select coalesce((select p.object_id from fact p where p.subject_id = :id
                            and p.predicate = 'succeeds' and p.object_id is not null and p.fact_rank <> 'deprecated'
                            and p.from_earliest > :day order by p.from_earliest fetch first 1 rows only), :id) as asked) x""")
                .param("id", entity)
                .param("day", day)
                .query((rs, n) -> new Asked(rs.getLong(1), rs.getLong(2) > 0))
                .single();
    }

    List<Entity> byKind(String kind) {
        return directory.all(java.util.Comparator.comparing(Entity::name)).stream()
                .filter(e -> e.kind().equals(kind))
                .toList();
    }

    /** The stored fact with this natural key (what a reload of a data file matches). */
    Optional<StoredFact> byKey(String key) {
        return jdbc.sql("select id from fact where natural_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional()
                .flatMap(this::fact);
    }

    /** The fact with this id. */
    Optional<StoredFact> fact(long id) {
        return facts("f.id = :entity", id, FactFile.PREDICATES, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31))
                .stream()
                .findFirst();
    }

    /** Locks the fact's row until the transaction ends (two editors' saves of one fact take turns). */
    boolean lock(long id) {
        return !jdbc.sql("select id from fact where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .list()
                .isEmpty();
    }

    void delete(long id) {
        jdbc.sql("delete from fact where id = :id").param("id", id).update();
    }

    long insert(FactFile.Fact f, long subject, Long object, OffsetDateTime now) {
        return insert(null, f, subject, object, now);
    }

    /** Inserts a fact, under {@code id} when given (an undone deletion comes back as the fact it was). */
    long insert(Long id, FactFile.Fact f, long subject, Long object, OffsetDateTime now) {
        if (id != null) {
            bind(jdbc.sql("""
                            insert into fact (id, subject_id, predicate, object_id, fact_value, status, counts, from_text,
                                from_earliest, from_latest, to_text, to_earliest, to_latest, fact_rank, contested, note,
                                natural_key, revision, updated_at)
                            values (:id, :subject, :predicate, :object, :value, :status, :counts, :fromText, :fromEarliest,
                                :fromLatest, :toText, :toEarliest, :toLatest, :rank, :contested, :note, :key, 1, :now)"""), f, subject, object, now).param("id", id).update();
            sources(id, f.sources());
            return id;
        }
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                        insert into fact (subject_id, predicate, object_id, fact_value, status, counts, from_text, from_earliest,
                            from_latest, to_text, to_earliest, to_latest, fact_rank, contested, note, natural_key, revision,
                            updated_at)
                        values (:subject, :predicate, :object, :value, :status, :counts, :fromText, :fromEarliest,
                            :fromLatest, :toText, :toEarliest, :toLatest, :rank, :contested, :note, :key, 1, :now)"""), f, subject, object, now).update(keys, "id");
        long created = keys.getKey().longValue();
        sources(created, f.sources());
        return created;
    }

    void update(long id, FactFile.Fact f, long subject, Long object, OffsetDateTime now) {
        bind(jdbc.sql("""
                        update fact set subject_id = :subject, predicate = :predicate, object_id = :object, fact_value = :value,
                            status = :status, counts = :counts, from_text = :fromText, from_earliest = :fromEarliest,
                            from_latest = :fromLatest, to_text = :toText, to_earliest = :toEarliest, to_latest = :toLatest,
                            fact_rank = :rank, contested = :contested, note = :note, natural_key = :key,
                            revision = revision + 1, updated_at = :now
                        where id = :id"""), f, subject, object, now).param("id", id).update();
        jdbc.sql("delete from fact_source where fact_id = :id").param("id", id).update();
        sources(id, f.sources());
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, FactFile.Fact f, long subject, Long object, OffsetDateTime now) {
        return sql.param("subject", subject)
                .param("predicate", f.predicate())
                .param("object", object)
                .param("value", f.value())
                .param("status", f.status() == null ? null : f.status().code())
                .param("counts", f.status() != null && f.status().countsAsMembership)
                .param("fromText", f.from() == null ? null : f.from().text())
                .param("fromEarliest", f.from() == null ? null : f.from().earliest())
                .param("fromLatest", f.from() == null ? null : f.from().latest())
                .param("toText", f.to() == null ? null : f.to().text())
                .param("toEarliest", f.to() == null ? null : f.to().earliest())
                .param("toLatest", f.to() == null ? null : f.to().latest())
                .param("rank", f.rank())
                .param("contested", f.contested())
                .param("note", f.note())
                .param("key", f.naturalKey())
                .param("now", now);
    }

    private void sources(long fact, List<FactFile.Source> sources) {
        for (int i = 0; i < sources.size(); i++) {
            FactFile.Source s = sources.get(i);
            jdbc.sql("insert into fact_source (fact_id, position, url, title, retrieved, article_id)"
                            + " values (:fact, :pos, :url, :title, :retrieved, :article)")
                    .param("fact", fact)
                    .param("pos", i)
                    .param("url", s.url())
                    .param("title", s.title())
                    .param("retrieved", s.retrieved())
                    .param("article", s.articleId())
                    .update();
        }
    }

    /**
     * A change to record: the fact, the entity whose page lists it, who made it (a name, and the
     * user's id when an editor did), what was done, the whole fact before and after (data-file JSON,
     * null when it did not exist), and the change an undo reversed.
     */
    record NewChange(
            long fact, long entity, String by, Long userId, String action, String before, String after, Long undoes) {}

    /** A recorded change. */
    record Change(
            long id,
            long fact,
            long entity,
            OffsetDateTime at,
            String by,
            String action,
            String before,
            String after,
            Long undoes) {}

    long change(NewChange c, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into fact_change (fact_id, entity_id, changed_at, changed_by, user_id, action, before_state,
                    after_state, undoes)
                values (:fact, :entity, :now, :by, :user, :action, :before, :after, :undoes)""")
                .param("fact", c.fact())
                .param("entity", c.entity())
                .param("now", now)
                .param("by", c.by())
                .param("user", c.userId())
                .param("action", c.action())
                .param("before", c.before())
                .param("after", c.after())
                .param("undoes", c.undoes())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String CHANGE_COLUMNS =
            "id, fact_id, entity_id, changed_at, changed_by, action, before_state, after_state, undoes";

    private static Change change(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, Long.class));
    }

    Optional<Change> change(long id) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from fact_change where id = :id")
                .param("id", id)
                .query(FactsRepository::change)
                .optional();
    }

    /** The id of the latest change to a fact (only that one may be undone, and an edit must start from it). */
    Optional<Long> latestChange(long fact) {
        return jdbc.sql("select max(id) from fact_change where fact_id = :fact")
                .param("fact", fact)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional();
    }

    /** The latest changes listed on an entity's page, newest first. */
    List<Change> changes(long entity, int limit) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from fact_change where entity_id = :entity"
                        + " order by id desc fetch first :limit rows only")
                .param("entity", entity)
                .param("limit", limit)
                .query(FactsRepository::change)
                .list();
    }

    /** Facts whose object is {@code object}, with one of {@code predicates}, that may hold at some time in [from, to). */
    List<StoredFact> aboutObject(long object, Collection<String> predicates, LocalDate from, LocalDate to) {
        return facts("f.object_id = :entity", object, predicates, from, to);
    }

    /** Every fact, in the order they began (for exports). */
    List<StoredFact> all() {
        return facts("f.id > :entity", 0, FactFile.PREDICATES, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** Every entity, by slug. */
    List<Entity> allEntities() {
        return directory.all(java.util.Comparator.comparing(Entity::slug));
    }

    /** Facts whose subject is {@code subject}, likewise. */
    List<StoredFact> aboutSubject(long subject, Collection<String> predicates, LocalDate from, LocalDate to) {
        return facts("f.subject_id = :entity", subject, predicates, from, to);
    }

    private List<StoredFact> facts(
            String which, long entity, Collection<String> predicates, LocalDate from, LocalDate to) {
        record Row(
                long id,
                long subject,
                String predicate,
                Long object,
                String value,
                String status,
                String from,
                String to,
                String rank,
                boolean contested,
                String note) {}
        // one statement: each fact with its sources (a row per source), in order
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<FactFile.Source>> sources = new HashMap<>();
        jdbc.sql("select " + FACT_COLUMNS + ", s.url, s.title, s.retrieved, s.article_id from fact f"
                        + " left join fact_source s on s.fact_id = f.id where " + which
                        + " and f.predicate in (:predicates)"
                        + " and (f.from_earliest is null or f.from_earliest < :to)"
                        + " and (f.to_latest is null or f.to_latest > :from)"
                        + " order by f.from_earliest, f.id, s.position")
                .param("entity", entity)
                .param("predicates", predicates)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    long id = rs.getLong("id");
                    rows.computeIfAbsent(id, k -> {
                        try {
                            return new Row(
                                    id,
                                    rs.getLong("subject_id"),
                                    rs.getString("predicate"),
                                    (Long) rs.getObject("object_id", Long.class),
                                    rs.getString("fact_value"),
                                    rs.getString("status"),
                                    rs.getString("from_text"),
                                    rs.getString("to_text"),
                                    rs.getString("fact_rank"),
                                    rs.getBoolean("contested"),
                                    rs.getString("note"));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String url = rs.getString("url");
                    Long article = rs.getObject("article_id", Long.class);
                    if (url != null || article != null) {
                        sources.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new FactFile.Source(
                                        url,
                                        rs.getString("title"),
                                        rs.getObject("retrieved", LocalDate.class),
                                        article));
                    }
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> entityIds = new ArrayList<>();
        rows.values().forEach(r -> {
            entityIds.add(r.subject());
            if (r.object() != null) {
                entityIds.add(r.object());
            }
        });
        Map<Long, Entity> entities = entities(entityIds);
        return rows.values().stream()
                .map(r -> new StoredFact(
                        r.id(),
                        entities.get(r.subject()),
                        r.predicate(),
                        r.object() == null ? null : entities.get(r.object()),
                        r.value(),
                        FactStatus.parse(r.status()),
                        r.from() == null ? null : Period.parse(r.from()),
                        r.to() == null ? null : Period.parse(r.to()),
                        r.rank(),
                        r.contested(),
                        r.note(),
                        sources.getOrDefault(r.id(), List.of())))
                .toList();
    }

    Optional<String> datasetHash(String name) {
        return jdbc.sql("select hash from fact_dataset where name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    void dataset(String name, LocalDate currentTo, String hash, OffsetDateTime now) {
        jdbc.sql("delete from fact_dataset where name = :name")
                .param("name", name)
                .update();
        jdbc.sql("insert into fact_dataset (name, current_to, hash, loaded_at) values (:name, :current, :hash, :now)")
                .param("name", name)
                .param("current", currentTo)
                .param("hash", hash)
                .param("now", now)
                .update();
    }

    Optional<LocalDate> currentTo() {
        return jdbc.sql("select max(current_to) from fact_dataset")
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional();
    }

    /** Every "complete member list" mark, for a {@link FactBase}. */
    List<FactBase.Completeness> completenessAll() {
        return jdbc.sql(
                        "select entity_id, from_earliest, to_latest from fact_completeness where predicate = 'member-of'")
                .query((rs, n) -> new FactBase.Completeness(
                        rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    void completeness(long entity, Period from, Period to, String note) {
        jdbc.sql("delete from fact_completeness where entity_id = :id and predicate = 'member-of'")
                .param("id", entity)
                .update();
        jdbc.sql("insert into fact_completeness (entity_id, predicate, from_earliest, to_latest, note)"
                        + " values (:id, 'member-of', :from, :to, :note)")
                .param("id", entity)
                .param("from", from == null ? null : from.latest())
                .param("to", to == null ? null : to.earliest())
                .param("note", note)
                .update();
    }
}
