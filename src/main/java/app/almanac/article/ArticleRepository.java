package app.almanac.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plain SQL for articles: the row, its tags and papers, its revisions (the current one is the body) and questions. */
@Repository
class ArticleRepository {

    /** What we need to know about a stored article to decide what a save does. */
    record StoredIdentity(long id, String slug, int revision, String contentHash, String savedBy) {}

    /** What readers may see: the condition every reader-facing query carries. */
    static final String PUBLISHED = "status = 'published'";

    private static final String SUMMARY_COLUMNS =
            "id, slug, title, published_on, publisher, category, context, updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final QuestionRepository questions;
    private final JsonMapper json;

    ArticleRepository(
            JdbcClient jdbc, NamedParameterJdbcTemplate batch, QuestionRepository questions, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.questions = questions;
        this.json = json;
    }

    Optional<StoredIdentity> findIdentity(String identityKey) {
        return jdbc.sql("""
                        select a.id, a.slug, a.revision, a.content_hash,
                               -- revisions saved before the desk existed (V3) name no author: imports
                               coalesce(r.saved_by, 'import') as saved_by
                        from article a join article_revision r on r.article_id = a.id and r.revision = a.revision
                        where a.identity_key = :key""")
                .param("key", identityKey)
                .query((rs, n) -> new StoredIdentity(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getInt("revision"),
                        rs.getString("content_hash"),
                        rs.getString("saved_by")))
                .optional();
    }

    Optional<Long> findSlugOwner(String slug) {
        return jdbc.sql("select id from article where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    long insert(String identityKey, String slug, ArticleContent c, String hash, Status status, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into article (identity_key, slug, title, published_on, publisher, series, category,
                                     context, revision, content_hash, status, created_at, updated_at)
                values (:key, :slug, :title, :date, :publisher, :series, :category,
                        :context, 1, :hash, :status, :now, :now)""")
                .param("key", identityKey)
                .param("slug", slug)
                .param("title", c.title())
                .param("date", c.date())
                .param("publisher", c.publisher())
                .param("series", c.series())
                .param("category", c.category())
                .param("context", c.context())
                .param("hash", hash)
                .param("status", status.code())
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertTopics(id, c);
        questions.insert(QuestionRepository.Owner.ARTICLE, id, c.questions());
        return id;
    }

    void update(long id, ArticleContent c, int revision, String hash, OffsetDateTime now) {
        jdbc.sql("""
                update article set title = :title, published_on = :date, publisher = :publisher,
                       series = :series, category = :category, context = :context,
                       revision = :revision, content_hash = :hash, updated_at = :now
                where id = :id""")
                .param("id", id)
                .param("title", c.title())
                .param("date", c.date())
                .param("publisher", c.publisher())
                .param("series", c.series())
                .param("category", c.category())
                .param("context", c.context())
                .param("revision", revision)
                .param("hash", hash)
                .param("now", now)
                .update();
        for (String table : List.of("article_tag", "article_syllabus")) {
            jdbc.sql("delete from " + table + " where article_id = :id")
                    .param("id", id)
                    .update();
        }
        insertTopics(id, c);
        questions.replace(QuestionRepository.Owner.ARTICLE, id, c.questions());
    }

    void insertRevision(long id, int revision, String json, OffsetDateTime now, String author) {
        jdbc.sql("""
                insert into article_revision (article_id, revision, content, saved_at, saved_by)
                values (:id, :revision, :json, :now, :author)""")
                .param("id", id)
                .param("revision", revision)
                .param("json", json)
                .param("now", now)
                .param("author", author)
                .update();
    }

    /** Tags and papers are kept as rows because listings and filters query them. */
    private void insertTopics(long id, ArticleContent c) {
        insertWords("insert into article_tag (article_id, position, tag) values (:id, :pos, :word)", id, c.tags());
        insertWords(
                "insert into article_syllabus (article_id, position, paper) values (:id, :pos, :word)",
                id,
                c.syllabus());
    }

    private void insertWords(String sql, long id, List<String> words) {
        var rows = new ArrayList<SqlParameterSource>();
        for (int i = 0; i < words.size(); i++) {
            rows.add(new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("pos", i)
                    .addValue("word", words.get(i)));
        }
        batch.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
    }

    Optional<ArticleService.Stamp> stamp(LocalDate date, String slug) {
        return jdbc.sql(
                        "select id, revision, updated_at from article where slug = :slug and published_on = :date and status = 'published'")
                .param("slug", slug)
                .param("date", date)
                .query((rs, n) -> new ArticleService.Stamp(
                        rs.getLong("id"),
                        rs.getInt("revision"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Every published article's stamp, in id order (one query, for checking a whole index). */
    List<ArticleService.Stamp> publishedStamps() {
        return jdbc.sql("select id, revision, updated_at from article where status = 'published' order by id")
                .query((rs, n) -> new ArticleService.Stamp(
                        rs.getLong("id"),
                        rs.getInt("revision"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A published article: what readers, feeds and the index may see. */
    Optional<Article> findPublished(long id) {
        return findWhere("a.id = :value and a." + PUBLISHED, id);
    }

    /** An article in any state of the editorial workflow, for the desk. */
    Optional<Article> findAnyById(long id) {
        return findWhere("a.id = :value", id);
    }

    List<ArticleService.Listed> listedBetween(LocalDate from, LocalDate to, String paper) {
        return jdbc.sql("""
                        select a.id, a.revision, a.slug, a.title, a.published_on, length(r.content) as size
                        from article a join article_revision r on r.article_id = a.id and r.revision = a.revision
                        where a.""" + PUBLISHED + " and a.published_on between :from and :to"
                        + (paper == null ? "" : " and " + Filter.SYLLABUS.condition) + " order by a.published_on, a.id")
                .param("from", from)
                .param("to", to)
                .param("value", paper == null ? "" : paper)
                .query((rs, n) -> new ArticleService.Listed(
                        rs.getLong("id"),
                        rs.getInt("revision"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("title"),
                        "/articles/" + rs.getObject("published_on", LocalDate.class) + "/" + rs.getString("slug"),
                        rs.getLong("size")))
                .list();
    }

    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from article where id > :after and " + PUBLISHED + " order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    Optional<Article> findPublishedBySlug(String slug) {
        return findWhere("a.slug = :value and a." + PUBLISHED, slug);
    }

    /**
     * One query: the article row and its current revision, whose JSON is the body (stored once;
     * the rows of tags, papers and questions are for queries and stable ids).
     */
    private Optional<Article> findWhere(String condition, Object value) {
        return jdbc.sql("""
                        select a.id, a.slug, a.revision, r.content
                        from article a join article_revision r on r.article_id = a.id and r.revision = a.revision
                        where\s""" + condition)
                .param("value", value)
                .query((rs, n) -> new Article(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getInt("revision"),
                        json.readValue(rs.getString("content"), ArticleContent.class)))
                .optional();
    }

    List<ArticleSummary> latest(int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article where " + PUBLISHED
                        + " order by published_on desc, id desc limit :limit")
                .param("limit", limit)
                .query(ArticleRepository::summary)
                .list();
    }

    List<ArticleSummary> onDate(LocalDate date) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article where published_on = :date and " + PUBLISHED
                        + " order by id")
                .param("date", date)
                .query(ArticleRepository::summary)
                .list();
    }

    Optional<LocalDate> latestDate() {
        return firstDate(jdbc.sql("select max(published_on) from article where " + PUBLISHED));
    }

    Optional<LocalDate> dateBefore(LocalDate date) {
        return firstDate(jdbc.sql("select max(published_on) from article where published_on < :date and " + PUBLISHED)
                .param("date", date));
    }

    Optional<LocalDate> dateAfter(LocalDate date) {
        return firstDate(jdbc.sql("select min(published_on) from article where published_on > :date and " + PUBLISHED)
                .param("date", date));
    }

    /** An aggregate over no rows is one row holding NULL: that is "no date", not an error. */
    private static Optional<LocalDate> firstDate(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> rs.getObject(1, LocalDate.class)).list().stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** How many articles each day between {@code from} and {@code to} (inclusive) has. */
    Map<LocalDate, Integer> countsByDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select published_on, count(*) as n from article
                where published_on between :from and :to and status = 'published' group by published_on order by published_on""").param("from", from).param("to", to).query(rs -> {
            counts.put(rs.getObject("published_on", LocalDate.class), rs.getInt("n"));
        });
        return counts;
    }

    /** Every category with how many articles it has, most used first. */
    List<Map.Entry<String, Integer>> categories() {
        return jdbc.sql("""
                select category, count(*) as n from article where category is not null and status = 'published'
                group by category order by count(*) desc, category""")
                .query((rs, n) -> Map.entry(rs.getString("category"), rs.getInt("n")))
                .list();
    }

    /** A page of articles matching one condition ({@code where} uses the parameter {@code :value}). */
    List<ArticleSummary> page(Filter filter, String value, int offset, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article a where a." + PUBLISHED + " and "
                        + filter.condition + " order by published_on desc, id desc limit :limit offset :offset")
                .param("value", value)
                .param("limit", limit)
                .param("offset", offset)
                .query(ArticleRepository::summary)
                .list();
    }

    int count(Filter filter, String value) {
        return jdbc.sql("select count(*) from article a where a." + PUBLISHED + " and " + filter.condition)
                .param("value", value)
                .query(Integer.class)
                .single();
    }

    /** The ways a list of articles can be chosen; the conditions are fixed text, values are parameters. */
    enum Filter {
        CATEGORY("a.category = :value"),
        TAG("exists (select 1 from article_tag t where t.article_id = a.id and t.tag = :value)"),
        SYLLABUS("exists (select 1 from article_syllabus s where s.article_id = a.id and s.paper = :value)");

        final String condition;

        Filter(String condition) {
            this.condition = condition;
        }
    }

    /**
     * Articles that share tags with this one, most shared first, then newest. Only the newest
     * {@value #RELATED_CANDIDATES} articles of each tag are considered: a popular tag is shared by
     * thousands, and counting them all would make a page slow for no better answer.
     */
    List<ArticleSummary> related(long id, int limit) {
        List<String> tags = jdbc.sql("select tag from article_tag where article_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        Map<Long, Integer> shared = new HashMap<>();
        for (String tag : tags) {
            jdbc.sql(
                            "select article_id from article_tag where tag = :tag and article_id <> :id order by article_id desc limit :n")
                    .param("tag", tag)
                    .param("id", id)
                    .param("n", RELATED_CANDIDATES)
                    .query(Long.class)
                    .list()
                    .forEach(other -> shared.merge(other, 1, Integer::sum));
        }
        List<Long> best = shared.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        if (best.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> byId = new HashMap<>();
        jdbc.sql("select " + SUMMARY_COLUMNS + " from article where id in (:ids) and " + PUBLISHED)
                .param("ids", best)
                .query(ArticleRepository::summary)
                .list()
                .forEach(a -> byId.put(a.id(), a));
        return best.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    static final int RELATED_CANDIDATES = 50;

    /** Earlier articles with the same title: the same story on earlier days (slugs are indexed). */
    List<ArticleSummary> earlierOfStory(long id, String titleSlug, LocalDate before, int limit) {
        List<ArticleSummary> earlier = new ArrayList<>();
        for (String sql : List.of(
                "select " + SUMMARY_COLUMNS + " from article where slug = :slug and " + PUBLISHED,
                "select " + SUMMARY_COLUMNS + " from article where slug like :prefix and " + PUBLISHED)) {
            earlier.addAll(jdbc.sql(sql)
                    .param("slug", titleSlug)
                    .param("prefix", titleSlug + "-____-__-__%")
                    .query(ArticleRepository::summary)
                    .list());
        }
        return earlier.stream()
                .filter(a -> a.id() != id && a.date().isBefore(before))
                .sorted(Comparator.comparing(ArticleSummary::date).reversed())
                .limit(limit)
                .toList();
    }

    /** Articles by publication, newest first, a page at a time (for sitemaps). */
    List<ArticleSummary> newest(int offset, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article where " + PUBLISHED
                        + " order by published_on desc, id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(ArticleRepository::summary)
                .list();
    }

    /** The newest articles of one category (for its feed). */
    List<ArticleSummary> newestIn(Filter filter, String value, int limit) {
        return page(filter, value, 0, limit);
    }

    List<String> allSlugs() {
        return jdbc.sql("select slug from article where " + PUBLISHED + " order by published_on, id")
                .query(String.class)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from article where " + PUBLISHED)
                .query(Long.class)
                .single();
    }

    private static ArticleSummary summary(ResultSet rs, int n) throws SQLException {
        return new ArticleSummary(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getObject("published_on", LocalDate.class),
                rs.getString("publisher"),
                rs.getString("category"),
                rs.getString("context"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
