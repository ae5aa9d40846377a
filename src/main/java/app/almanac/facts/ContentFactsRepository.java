package app.almanac.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Links between articles and entities, checked questions, table verdicts and the review queue, in plain SQL. */
@Repository
class ContentFactsRepository {

    private final JdbcClient jdbc;

    ContentFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- links

    void replaceLinks(long article, int revision, String namesVersion, Map<Long, EntityLinker.Linked> links) {
        jdbc.sql("delete from article_entity where article_id = :a")
                .param("a", article)
                .update();
        for (var e : links.entrySet()) {
            // an entity removed since this node read it (a restore, a cleared database) is not linked
            jdbc.sql("insert into article_entity (article_id, entity_id, mention, mentions)"
                            + " select :a, id, :m, :n from fact_entity where id = :e")
                    .param("a", article)
                    .param("e", e.getKey())
                    .param("m", truncate(e.getValue().mention(), 300))
                    .param("n", e.getValue().count())
                    .update();
        }
        jdbc.sql("delete from article_link_state where article_id = :a")
                .param("a", article)
                .update();
        jdbc.sql("insert into article_link_state (article_id, revision, names_version) values (:a, :r, :v)")
                .param("a", article)
                .param("r", revision)
                .param("v", namesVersion)
                .update();
    }

    /** A published analysis that names an entity. */
    record Mentioning(long id, String slug, String title, LocalDate date, int mentions) {}

    /** Published analyses naming {@code entity}, newest first. */
    List<Mentioning> mentioning(long entity, int limit) {
        return jdbc.sql("""
                        select a.id, a.slug, a.title, a.published_on, l.mentions from article_entity l
                        join article a on a.id = l.article_id
                        where l.entity_id = :e and a.status = 'published'
                        order by a.published_on desc, a.id desc fetch first :limit rows only""")
                .param("e", entity)
                .param("limit", limit)
                .query((rs, n) -> new Mentioning(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getInt(5)))
                .list();
    }

    /** Articles with a checked fact table about any of {@code entities}. */
    List<Long> articlesCheckedAbout(Collection<Long> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct article_id from article_check where entity_id in (:e) order by article_id")
                .param("e", entities)
                .query(Long.class)
                .list();
    }

    /** Articles whose links are missing, of an older revision, or made against other entity names. */
    List<Long> unlinked(String namesVersion, int limit) {
        return jdbc.sql("""
                        select a.id from article a left join article_link_state s on s.article_id = a.id
                        where s.article_id is null or s.revision <> a.revision or s.names_version <> :v
                        order by a.id fetch first :limit rows only""")
                .param("v", namesVersion)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    // ---- checked and generated questions

    record FactQuestion(
            long questionId,
            String origin,
            String template,
            LocalDate asOf,
            String answer,
            String claims,
            String factIds,
            String verdict) {}

    void saveQuestion(
            long question,
            String origin,
            String template,
            LocalDate asOf,
            String answer,
            String claims,
            String factIds,
            String entityIds,
            String fingerprint,
            String verdict,
            OffsetDateTime now) {
        jdbc.sql("delete from fact_question where question_id = :q")
                .param("q", question)
                .update();
        jdbc.sql("""
                        insert into fact_question (question_id, origin, template, as_of, answer, claims, fact_ids,
                            entity_ids, fingerprint, verdict, checked_at)
                        values (:q, :o, :t, :d, :a, :c, :f, :e, :p, :v, :now)""")
                .param("q", question)
                .param("o", origin)
                .param("t", template)
                .param("d", asOf)
                .param("a", answer)
                .param("c", claims)
                .param("f", truncate(factIds, 4000))
                .param("e", truncate(entityIds, 2000))
                .param("p", fingerprint)
                .param("v", verdict)
                .param("now", now)
                .update();
    }

    void forgetQuestions(Collection<Long> questions) {
        if (!questions.isEmpty()) {
            jdbc.sql("delete from fact_question where question_id in (:q) and origin = 'checked'")
                    .param("q", questions)
                    .update();
        }
    }

    void verdict(long question, String verdict, OffsetDateTime now) {
        jdbc.sql("update fact_question set verdict = :v, checked_at = :now where question_id = :q")
                .param("v", verdict)
                .param("now", now)
                .param("q", question)
                .update();
    }

    private static final String QUESTION_COLUMNS =
            "question_id, origin, template, as_of, answer, claims, fact_ids, verdict";

    private static FactQuestion questionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FactQuestion(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    /** The checked and generated questions whose claims are about any of {@code entities}. */
    List<FactQuestion> questionsAbout(Collection<Long> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        var sql = new java.util.LinkedHashMap<String, Object>();
        int i = 0;
        for (Long e : entities) {
            where.append(i == 0 ? "" : " or ").append("entity_ids like :e").append(i);
            sql.put("e" + i, "%," + e + ",%");
            i++;
        }
        var q = jdbc.sql("select " + QUESTION_COLUMNS + " from fact_question where " + where + " order by question_id");
        for (var p : sql.entrySet()) {
            q = q.param(p.getKey(), p.getValue());
        }
        return q.query(ContentFactsRepository::questionRow).list();
    }

    Optional<FactQuestion> question(long id) {
        return jdbc.sql("select " + QUESTION_COLUMNS + " from fact_question where question_id = :q")
                .param("q", id)
                .query(ContentFactsRepository::questionRow)
                .optional();
    }

    boolean fingerprintKnown(String fingerprint) {
        return jdbc.sql("select count(*) from fact_question where fingerprint = :p")
                        .param("p", fingerprint)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- table verdicts

    /** A checked row's last verdict, and the digest of what has overtaken it (null while it holds today). */
    record RowState(String key, long entity, String verdict, String stale) {}

    List<RowState> rows(long article) {
        return jdbc.sql("select row_key, entity_id, verdict, stale from article_check where article_id = :a")
                .param("a", article)
                .query((rs, n) -> new RowState(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void replaceRows(long article, List<RowState> rows) {
        jdbc.sql("delete from article_check where article_id = :a")
                .param("a", article)
                .update();
        for (RowState r : rows) {
            jdbc.sql(
                            "insert into article_check (article_id, row_key, entity_id, verdict, stale) values (:a, :k, :e, :v, :s)")
                    .param("a", article)
                    .param("k", truncate(r.key(), 400))
                    .param("e", r.entity())
                    .param("v", r.verdict())
                    .param("s", r.stale())
                    .update();
        }
    }

    // ---- the review queue

    record Item(
            long id,
            String key,
            String kind,
            Long articleId,
            Long questionId,
            String title,
            String reason,
            String facts,
            String status,
            String resolution,
            String note,
            OffsetDateTime createdAt,
            String resolvedBy,
            OffsetDateTime resolvedAt) {}

    boolean openItem(String key) {
        return jdbc.sql("select count(*) from fact_review where item_key = :k and status = 'open'")
                        .param("k", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long addItem(
            String key,
            String kind,
            Long article,
            Long question,
            String title,
            String reason,
            String facts,
            OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fact_review (item_key, kind, article_id, question_id, title, reason, facts, created_at)
                        values (:k, :kind, :a, :q, :t, :r, :f, :now)""")
                .param("k", truncate(key, 500))
                .param("kind", kind)
                .param("a", article)
                .param("q", question)
                .param("t", truncate(title, 1000))
                .param("r", truncate(reason, 2000))
                .param("f", facts)
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String ITEM_COLUMNS =
            "id, item_key, kind, article_id, question_id, title, reason, facts, status,"
                    + " resolution, note, created_at, resolved_by, resolved_at";

    private static Item itemRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, Long.class),
                rs.getObject(5, Long.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, OffsetDateTime.class),
                rs.getString(13),
                rs.getObject(14, OffsetDateTime.class));
    }

    List<Item> items(String status, int limit) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from fact_review where status = :s order by id desc"
                        + " fetch first :limit rows only")
                .param("s", status)
                .param("limit", limit)
                .query(ContentFactsRepository::itemRow)
                .list();
    }

    Optional<Item> item(long id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from fact_review where id = :id")
                .param("id", id)
                .query(ContentFactsRepository::itemRow)
                .optional();
    }

    /** Resolves an open item; false when it was not open (resolved meanwhile by someone else). */
    boolean resolve(long id, String resolution, String note, String by, OffsetDateTime now) {
        return jdbc.sql("""
                        update fact_review set status = :s, resolution = :r, note = :n, resolved_by = :by, resolved_at = :now
                        where id = :id and status = 'open'""")
                        .param("s", resolution.equals("dismissed") ? "dismissed" : "resolved")
                        .param("r", resolution)
                        .param("n", note)
                        .param("by", by)
                        .param("now", now)
                        .param("id", id)
                        .update()
                == 1;
    }

    long openCount() {
        return jdbc.sql("select count(*) from fact_review where status = 'open'")
                .query(Long.class)
                .single();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
