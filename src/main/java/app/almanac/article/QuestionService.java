package app.almanac.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions of published analyses and of question banks, by their stable ids, for the rooms
 * that quiz, mark and schedule them. A question's text and key come from its owner's current
 * revision (the body is stored once); the question table gives ids, positions and the dropped flag.
 */
@Service
public class QuestionService {

    /**
     * Which questions a quiz may draw from; null fields do not filter.
     *
     * @param paper a syllabus paper ("GS-II")
     * @param category a category ("Economy")
     * @param tag a tag
     * @param from the first day, inclusive
     * @param to the last day, inclusive
     */
    public record Filter(String paper, String category, String tag, LocalDate from, LocalDate to) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    private record Ref(long id, long articleId, long bankId, int position, boolean dropped) {}

    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final QuestionRepository questions;
    private final QuestionBankRepository banks;

    QuestionService(
            JdbcClient jdbc, ArticleRepository articles, QuestionRepository questions, QuestionBankRepository banks) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.questions = questions;
        this.banks = banks;
    }

    /** The questions of the analyses published on {@code date}, in the order a digest shows them. */
    @Transactional(readOnly = true)
    public List<StoredQuestion> publishedOn(LocalDate date) {
        return load(jdbc.sql("select q.id, q.article_id, q.bank_id, q.position, q.dropped from question q"
                        + " join article a on a.id = q.article_id where a." + ArticleRepository.PUBLISHED
                        + " and a.published_on = :date order by a.id, q.position")
                .param("date", date)
                .query(QuestionService::ref)
                .list());
    }

    /** The newest day with a published analysis that has questions, if there is one. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> latestDayWithQuestions() {
        return jdbc.sql("select max(a.published_on) from article a where a." + ArticleRepository.PUBLISHED
                        + " and exists (select 1 from question q where q.article_id = a.id)")
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional();
    }

    /**
     * Questions of published analyses that {@code filter} lets through, newest analyses first,
     * at most {@code limit}; with no date bounds, question banks are included after them.
     */
    @Transactional(readOnly = true)
    public List<StoredQuestion> matching(Filter filter, int limit) {
        StringBuilder where = new StringBuilder("a." + ArticleRepository.PUBLISHED);
        var query = new LinkedHashMap<String, Object>();
        condition(where, query, "paper", filter.paper(), ArticleRepository.Filter.SYLLABUS);
        condition(where, query, "category", filter.category(), ArticleRepository.Filter.CATEGORY);
        condition(where, query, "tag", filter.tag(), ArticleRepository.Filter.TAG);
        if (filter.from() != null) {
            where.append(" and a.published_on >= :from");
            query.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and a.published_on <= :to");
            query.put("to", filter.to());
        }
        var sql = jdbc.sql("select q.id, q.article_id, q.bank_id, q.position, q.dropped from question q"
                + " join article a on a.id = q.article_id where " + where
                + " order by a.published_on desc, a.id desc, q.position limit :limit");
        for (var e : query.entrySet()) {
            sql = sql.param(e.getKey(), e.getValue());
        }
        List<Ref> refs = new ArrayList<>(
                sql.param("limit", limit).query(QuestionService::ref).list());
        boolean topicless = filter.paper() == null && filter.category() == null && filter.tag() == null;
        if (topicless && filter.from() == null && filter.to() == null && refs.size() < limit) {
            refs.addAll(jdbc.sql("select id, article_id, bank_id, position, dropped from question"
                            + " where bank_id is not null order by bank_id, position limit :limit")
                    .param("limit", limit - refs.size())
                    .query(QuestionService::ref)
                    .list());
        }
        return load(refs);
    }

    /** These questions, in the order of {@code ids}, whatever their analysis's state now (an attempt holds them). */
    @Transactional(readOnly = true)
    public List<StoredQuestion> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredQuestion> found = new HashMap<>();
        for (StoredQuestion q :
                load(jdbc.sql("select id, article_id, bank_id, position, dropped from question where id in (:ids)")
                        .param("ids", ids)
                        .query(QuestionService::ref)
                        .list())) {
            found.put(q.id(), q);
        }
        return ids.stream().map(found::get).filter(q -> q != null).toList();
    }

    /**
     * Where a question sits in the syllabus, for progress by paper and topic.
     *
     * @param paper the analysis's first syllabus paper, or "Other"
     * @param topic the analysis's category, or the bank's title for a bank question, or "Other"
     */
    public record Topic(String paper, String topic) {}

    /**
     * The paper and topic of each of these questions, read in one query without loading the
     * questions themselves (a dashboard asks this for thousands of questions at once).
     */
    @Transactional(readOnly = true)
    public Map<Long, Topic> topicsOf(Collection<Long> ids) {
        // three plain lookups by key rather than one join: the embedded database plans a long IN
        // list over a join poorly
        Map<Long, long[]> owners = new HashMap<>(); // question → {article id, bank id}
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("select id, article_id, bank_id from question where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query(rs -> {
                        owners.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
        }
        Map<Long, Topic> ofArticle = new HashMap<>();
        List<Long> articles = owners.values().stream()
                .map(o -> o[0])
                .filter(a -> a != 0)
                .distinct()
                .toList();
        for (int from = 0; from < articles.size(); from += 1000) {
            jdbc.sql("""
                            select a.id, s.paper, a.category from article a
                            left join article_syllabus s on s.article_id = a.id and s.position = 0
                            where a.id in (:ids)""")
                    .param("ids", articles.subList(from, Math.min(articles.size(), from + 1000)))
                    .query(rs -> {
                        String paper = rs.getString(2);
                        String category = rs.getString(3);
                        ofArticle.put(
                                rs.getLong(1),
                                new Topic(paper == null ? "Other" : paper, category == null ? "Other" : category));
                    });
        }
        Map<Long, Topic> ofBank = new HashMap<>();
        List<Long> banks = owners.values().stream()
                .map(o -> o[1])
                .filter(b -> b != 0)
                .distinct()
                .toList();
        if (!banks.isEmpty()) {
            jdbc.sql("select id, title from question_bank where id in (:ids)")
                    .param("ids", banks)
                    .query(rs -> {
                        ofBank.put(rs.getLong(1), new Topic("Other", rs.getString(2)));
                    });
        }
        Topic other = new Topic("Other", "Other");
        Map<Long, Topic> topics = new HashMap<>();
        owners.forEach((q, o) ->
                topics.put(q, o[0] != 0 ? ofArticle.getOrDefault(o[0], other) : ofBank.getOrDefault(o[1], other)));
        return topics;
    }

    /** How many questions Almanac holds on each topic (as {@link #topicsOf} names them): the weight of a topic. */
    @Transactional(readOnly = true)
    public Map<String, Integer> topicCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select coalesce(a.category, b.title, 'Other'), count(*)
                        from question q
                        left join article a on a.id = q.article_id
                        left join question_bank b on b.id = q.bank_id
                        where q.dropped = false
                        group by coalesce(a.category, b.title, 'Other')""").query(rs -> {
            counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        });
        return counts;
    }

    /** The ids of an analysis's questions, in order. */
    @Transactional(readOnly = true)
    public List<Long> idsOfArticle(long articleId) {
        return questions.ids(QuestionRepository.Owner.ARTICLE, articleId);
    }

    /** The ids of a question bank's questions, in order. */
    @Transactional(readOnly = true)
    public List<Long> idsOfBank(long bankId) {
        return questions.ids(QuestionRepository.Owner.BANK, bankId);
    }

    /** One question, if it exists. */
    @Transactional(readOnly = true)
    public Optional<StoredQuestion> byId(long id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    private static void condition(
            StringBuilder where,
            Map<String, Object> query,
            String name,
            String value,
            ArticleRepository.Filter filter) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(filter.condition.replace(":value", ":" + name));
            query.put(name, value.strip());
        }
    }

    /** Reads each owner once: its current revision holds its questions in position order. */
    private List<StoredQuestion> load(List<Ref> refs) {
        Map<Long, Optional<Article>> articleCache = new HashMap<>();
        Map<Long, List<Question>> bankCache = new HashMap<>();
        Map<Long, String> bankTitles = new HashMap<>();
        List<StoredQuestion> out = new ArrayList<>(refs.size());
        for (Ref ref : refs) {
            if (ref.articleId() != 0) {
                Optional<Article> article = articleCache.computeIfAbsent(ref.articleId(), articles::findAnyById);
                if (article.isEmpty()
                        || ref.position() >= article.get().content().questions().size()) {
                    continue;
                }
                ArticleContent c = article.get().content();
                out.add(new StoredQuestion(
                        ref.id(),
                        c.questions().get(ref.position()),
                        ref.dropped(),
                        new StoredQuestion.Source(
                                ref.articleId(),
                                c.title(),
                                article.get().path(),
                                c.date(),
                                c.category(),
                                c.syllabus(),
                                c.tags())));
            } else {
                List<Question> bank = bankCache.computeIfAbsent(
                        ref.bankId(), id -> questions.load(QuestionRepository.Owner.BANK, id));
                if (ref.position() >= bank.size()) {
                    continue;
                }
                String title = bankTitles.computeIfAbsent(ref.bankId(), banks::title);
                out.add(new StoredQuestion(
                        ref.id(),
                        bank.get(ref.position()),
                        ref.dropped(),
                        new StoredQuestion.Source(0, title, null, null, null, List.of(), List.of())));
            }
        }
        return out;
    }

    private static Ref ref(ResultSet rs, int n) throws SQLException {
        return new Ref(
                rs.getLong("id"),
                rs.getLong("article_id"),
                rs.getLong("bank_id"),
                rs.getInt("position"),
                rs.getBoolean("dropped"));
    }
}
