package app.almanac.article;

import app.almanac.article.Block.BulletList;
import app.almanac.article.Block.FactTable;
import app.almanac.article.Block.Paragraph;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for articles, their sections and blocks, revisions and questions. */
@Repository
class ArticleRepository {

    /** What we need to know about a stored article to decide what a save does. */
    record StoredIdentity(long id, String slug, int revision, String contentHash) {}

    private static final String SUMMARY_COLUMNS =
            "id, slug, title, published_on, publisher, category, context";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ArticleRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<StoredIdentity> findIdentity(String identityKey) {
        return jdbc.sql("select id, slug, revision, content_hash from article where identity_key = :key")
                .param("key", identityKey)
                .query((rs, n) -> new StoredIdentity(
                        rs.getLong("id"), rs.getString("slug"), rs.getInt("revision"), rs.getString("content_hash")))
                .optional();
    }

    boolean slugExists(String slug) {
        return jdbc.sql("select count(*) from article where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }

    long insert(String identityKey, String slug, ArticleContent c, String hash, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into article (identity_key, slug, title, published_on, publisher, series, category,
                                     context, revision, content_hash, created_at, updated_at)
                values (:key, :slug, :title, :date, :publisher, :series, :category,
                        :context, 1, :hash, :now, :now)""")
                .param("key", identityKey)
                .param("slug", slug)
                .param("title", c.title())
                .param("date", c.date())
                .param("publisher", c.publisher())
                .param("series", c.series())
                .param("category", c.category())
                .param("context", c.context())
                .param("hash", hash)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertBody(id, c);
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
        jdbc.sql("delete from article_credit where article_id = :id").param("id", id).update();
        jdbc.sql("delete from article_section where article_id = :id").param("id", id).update();
        insertBody(id, c);
    }

    void insertRevision(long id, int revision, String json, OffsetDateTime now) {
        jdbc.sql("""
                insert into article_revision (article_id, revision, content, saved_at)
                values (:id, :revision, :json, :now)""")
                .param("id", id).param("revision", revision).param("json", json).param("now", now)
                .update();
    }

    private void insertBody(long id, ArticleContent c) {
        var credits = new ArrayList<SqlParameterSource>();
        for (int i = 0; i < c.credits().size(); i++) {
            Credit credit = c.credits().get(i);
            credits.add(new MapSqlParameterSource()
                    .addValue("id", id).addValue("pos", i).addValue("label", credit.label())
                    .addValue("text", credit.text()).addValue("url", credit.url()));
        }
        batch.batchUpdate("""
                insert into article_credit (article_id, position, label, text, url)
                values (:id, :pos, :label, :text, :url)""", credits.toArray(SqlParameterSource[]::new));

        var sections = new ArrayList<SqlParameterSource>();
        var blocks = new ArrayList<SqlParameterSource>();
        var texts = new ArrayList<SqlParameterSource>();
        for (int s = 0; s < c.sections().size(); s++) {
            Section section = c.sections().get(s);
            sections.add(new MapSqlParameterSource()
                    .addValue("id", id).addValue("pos", s).addValue("heading", section.heading()));
            for (int b = 0; b < section.blocks().size(); b++) {
                Block block = section.blocks().get(b);
                blocks.add(new MapSqlParameterSource()
                        .addValue("id", id).addValue("s", s).addValue("pos", b).addValue("kind", block.type()));
                for (BlockText t : BlockText.flatten(block)) {
                    texts.add(new MapSqlParameterSource()
                            .addValue("id", id).addValue("s", s).addValue("b", b)
                            .addValue("r", t.row()).addValue("c", t.cell()).addValue("p", t.paragraph())
                            .addValue("text", t.text()));
                }
            }
        }
        batch.batchUpdate("""
                insert into article_section (article_id, position, heading) values (:id, :pos, :heading)""",
                sections.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into article_block (article_id, section_position, position, kind)
                values (:id, :s, :pos, :kind)""", blocks.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into article_block_text
                    (article_id, section_position, block_position, row_no, cell_no, paragraph_no, text)
                values (:id, :s, :b, :r, :c, :p, :text)""", texts.toArray(SqlParameterSource[]::new));
    }

    /**
     * Makes the article's questions match {@code questions} position by position. A question that
     * stays at its position keeps its id, so later answers and schedules that point at it survive
     * a new revision of the article.
     */
    void replaceQuestions(long articleId, List<Question> questions) {
        Map<Integer, Long> existing = new HashMap<>();
        jdbc.sql("select position, id from question where article_id = :id")
                .param("id", articleId)
                .query(rs -> {
                    existing.put(rs.getInt("position"), rs.getLong("id"));
                });
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Long questionId = existing.get(i);
            String answer = String.join("", q.answer());
            if (questionId == null) {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into question (article_id, position, stem, answer, explanation)
                        values (:article, :pos, :stem, :answer, :explanation)""")
                        .param("article", articleId).param("pos", i).param("stem", q.stem())
                        .param("answer", answer).param("explanation", q.explanation())
                        .update(keys, "id");
                questionId = keys.getKey().longValue();
            } else {
                jdbc.sql("""
                        update question set stem = :stem, answer = :answer, explanation = :explanation
                        where id = :qid""")
                        .param("qid", questionId).param("stem", q.stem())
                        .param("answer", answer).param("explanation", q.explanation())
                        .update();
                jdbc.sql("delete from question_option where question_id = :qid").param("qid", questionId).update();
            }
            var options = new ArrayList<SqlParameterSource>();
            for (int o = 0; o < q.options().size(); o++) {
                options.add(new MapSqlParameterSource()
                        .addValue("qid", questionId).addValue("pos", o)
                        .addValue("label", q.options().get(o).label()).addValue("text", q.options().get(o).text()));
            }
            batch.batchUpdate("""
                    insert into question_option (question_id, position, label, text)
                    values (:qid, :pos, :label, :text)""", options.toArray(SqlParameterSource[]::new));
        }
        jdbc.sql("delete from question where article_id = :id and position >= :count")
                .param("id", articleId).param("count", questions.size())
                .update();
    }

    Optional<Article> findById(long id) {
        return findWhere("id = :value", id);
    }

    Optional<Article> findBySlug(String slug) {
        return findWhere("slug = :value", slug);
    }

    private Optional<Article> findWhere(String condition, Object value) {
        record Head(long id, String slug, int revision, String title, LocalDate date, String publisher,
                    String series, String category, String context) {}
        return jdbc.sql("""
                select id, slug, revision, title, published_on, publisher, series, category, context
                from article where\s""" + condition)
                .param("value", value)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("slug"), rs.getInt("revision"),
                        rs.getString("title"), rs.getObject("published_on", LocalDate.class),
                        rs.getString("publisher"), rs.getString("series"), rs.getString("category"),
                        rs.getString("context")))
                .optional()
                .map(h -> new Article(h.id(), h.slug(), h.revision(), new ArticleContent(
                        h.title(), h.date(), h.publisher(), h.series(), h.category(), h.context(),
                        credits(h.id()), sections(h.id()), questions(h.id()))));
    }

    private List<Credit> credits(long id) {
        return jdbc.sql("select label, text, url from article_credit where article_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new Credit(rs.getString("label"), rs.getString("text"), rs.getString("url")))
                .list();
    }

    private List<Section> sections(long id) {
        record SectionRow(int position, String heading) {}
        List<SectionRow> headings = jdbc.sql(
                        "select position, heading from article_section where article_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new SectionRow(rs.getInt("position"), rs.getString("heading")))
                .list();
        Map<Integer, Map<Integer, String>> kinds = new LinkedHashMap<>();
        jdbc.sql("""
                select section_position, position, kind from article_block
                where article_id = :id order by section_position, position""")
                .param("id", id)
                .query(rs -> {
                    kinds.computeIfAbsent(rs.getInt("section_position"), k -> new LinkedHashMap<>())
                            .put(rs.getInt("position"), rs.getString("kind"));
                });
        Map<List<Integer>, List<BlockText>> texts = new HashMap<>();
        jdbc.sql("""
                select section_position, block_position, row_no, cell_no, paragraph_no, text
                from article_block_text where article_id = :id
                order by section_position, block_position, row_no, cell_no, paragraph_no""")
                .param("id", id)
                .query(rs -> {
                    texts.computeIfAbsent(List.of(rs.getInt("section_position"), rs.getInt("block_position")),
                            k -> new ArrayList<>()).add(blockText(rs));
                });
        List<Section> sections = new ArrayList<>();
        for (SectionRow row : headings) {
            List<Block> blocks = new ArrayList<>();
            kinds.getOrDefault(row.position(), Map.of()).forEach((position, kind) -> blocks.add(
                    BlockText.assemble(kind, texts.getOrDefault(List.of(row.position(), position), List.of()))));
            sections.add(new Section(row.heading(), blocks));
        }
        return sections;
    }

    private static BlockText blockText(ResultSet rs) throws SQLException {
        return new BlockText(rs.getInt("row_no"), rs.getInt("cell_no"), rs.getInt("paragraph_no"), rs.getString("text"));
    }

    private List<Question> questions(long articleId) {
        record QuestionRow(long id, String stem, String answer, String explanation) {}
        List<QuestionRow> rows = jdbc.sql("""
                select id, stem, answer, explanation from question where article_id = :id order by position""")
                .param("id", articleId)
                .query((rs, n) -> new QuestionRow(
                        rs.getLong("id"), rs.getString("stem"), rs.getString("answer"), rs.getString("explanation")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Question.Option>> options = new HashMap<>();
        jdbc.sql("""
                select o.question_id, o.label, o.text from question_option o
                join question q on q.id = o.question_id
                where q.article_id = :id order by o.question_id, o.position""")
                .param("id", articleId)
                .query(rs -> {
                    options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                            .add(new Question.Option(rs.getString("label"), rs.getString("text")));
                });
        return rows.stream()
                .map(r -> new Question(r.stem(), options.getOrDefault(r.id(), List.of()),
                        r.answer().chars().mapToObj(ch -> String.valueOf((char) ch)).toList(), r.explanation()))
                .toList();
    }

    List<ArticleSummary> latest(int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article order by published_on desc, id desc limit :limit")
                .param("limit", limit)
                .query(ArticleRepository::summary)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    private static ArticleSummary summary(ResultSet rs, int n) throws SQLException {
        return new ArticleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                rs.getObject("published_on", LocalDate.class), rs.getString("publisher"),
                rs.getString("category"), rs.getString("context"));
    }
}
