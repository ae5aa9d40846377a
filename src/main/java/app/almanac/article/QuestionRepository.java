package app.almanac.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for practice questions, whether they belong to an article or to a question bank. */
@Repository
class QuestionRepository {

    /** Who a question belongs to: the column that points at the owner. */
    enum Owner {
        ARTICLE("article_id"),
        BANK("bank_id");

        final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    QuestionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Makes the owner's questions match {@code questions} position by position. A question that
     * stays at its position keeps its id, so later answers and schedules that point at it survive
     * a new revision.
     */
    void replace(Owner owner, long ownerId, List<Question> questions) {
        replace(owner, ownerId, questions, false);
    }

    /** The article question {@code id} belongs to: its id, 0 for a bank's question, empty for no such question. */
    Optional<Long> articleOf(long id) {
        return jdbc.sql("select coalesce(article_id, 0) from question where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    void setDropped(long id, boolean dropped) {
        jdbc.sql("update question set dropped = :dropped where id = :id")
                .param("dropped", dropped)
                .param("id", id)
                .update();
    }

    /** The ids of an owner's questions, in position order. */
    List<Long> ids(Owner owner, long ownerId) {
        return jdbc.sql("select id from question where " + owner.column + " = :owner order by position")
                .param("owner", ownerId)
                .query(Long.class)
                .list();
    }

    /** Stores the questions of an owner that has none yet: nothing to look up or delete. */
    void insert(Owner owner, long ownerId, List<Question> questions) {
        replace(owner, ownerId, questions, true);
    }

    private void replace(Owner owner, long ownerId, List<Question> questions, boolean isNew) {
        Map<Integer, Long> existing = new HashMap<>();
        if (!isNew) {
            jdbc.sql("select position, id from question where " + owner.column + " = :owner")
                    .param("owner", ownerId)
                    .query(rs -> {
                        existing.put(rs.getInt("position"), rs.getLong("id"));
                    });
        }
        var options = new ArrayList<SqlParameterSource>();
        var statements = new ArrayList<SqlParameterSource>();
        var pairs = new ArrayList<SqlParameterSource>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Long id = existing.get(i);
            String answer = String.join("", q.answer());
            if (id == null) {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("insert into question (" + owner.column + ", position, stem, answer, explanation)"
                                + " values (:owner, :pos, :stem, :answer, :explanation)")
                        .param("owner", ownerId)
                        .param("pos", i)
                        .param("stem", q.stem())
                        .param("answer", answer)
                        .param("explanation", q.explanation())
                        .update(keys, "id");
                id = keys.getKey().longValue();
            } else {
                jdbc.sql(
                                "update question set stem = :stem, answer = :answer, explanation = :explanation where id = :id")
                        .param("id", id)
                        .param("stem", q.stem())
                        .param("answer", answer)
                        .param("explanation", q.explanation())
                        .update();
                for (String table : List.of("question_option", "question_statement", "question_pair")) {
                    jdbc.sql("delete from " + table + " where question_id = :id")
                            .param("id", id)
                            .update();
                }
            }
            for (int o = 0; o < q.options().size(); o++) {
                options.add(new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("pos", o)
                        .addValue("label", q.options().get(o).label())
                        .addValue("text", q.options().get(o).text()));
            }
            for (int s = 0; s < q.statements().size(); s++) {
                statements.add(new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("pos", s)
                        .addValue("label", q.statements().get(s).label())
                        .addValue("text", q.statements().get(s).text()));
            }
            if (q.pairs() != null) {
                addPairRow(pairs, id, 0, q.pairs().header());
                for (int r = 0; r < q.pairs().rows().size(); r++) {
                    addPairRow(pairs, id, r + 1, q.pairs().rows().get(r));
                }
            }
        }
        batch.batchUpdate(
                "insert into question_option (question_id, position, label, text) values (:id, :pos, :label, :text)",
                options.toArray(SqlParameterSource[]::new));
        batch.batchUpdate(
                "insert into question_statement (question_id, position, label, text) values (:id, :pos, :label, :text)",
                statements.toArray(SqlParameterSource[]::new));
        batch.batchUpdate(
                "insert into question_pair (question_id, row_no, cell_no, text) values (:id, :row, :cell, :text)",
                pairs.toArray(SqlParameterSource[]::new));
        if (!isNew) {
            jdbc.sql("delete from question where " + owner.column + " = :owner and position >= :count")
                    .param("owner", ownerId)
                    .param("count", questions.size())
                    .update();
        }
    }

    private static void addPairRow(List<SqlParameterSource> out, long id, int row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            out.add(new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("row", row)
                    .addValue("cell", c)
                    .addValue("text", cells.get(c)));
        }
    }

    List<Question> load(Owner owner, long ownerId) {
        record Row(long id, String stem, String answer, String explanation) {}
        List<Row> rows = jdbc.sql("select id, stem, answer, explanation from question where " + owner.column
                        + " = :owner order by position")
                .param("owner", ownerId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"), rs.getString("stem"), rs.getString("answer"), rs.getString("explanation")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ofOwner = " join question q on q.id = x.question_id where q." + owner.column + " = :owner";
        Map<Long, List<Question.Option>> options = new HashMap<>();
        jdbc.sql("select x.question_id, x.label, x.text from question_option x" + ofOwner
                        + " order by x.question_id, x.position")
                .param("owner", ownerId)
                .query(rs -> {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Question.Option(rs.getString(2), rs.getString(3)));
                });
        Map<Long, List<Question.Statement>> statements = new HashMap<>();
        jdbc.sql("select x.question_id, x.label, x.text from question_statement x" + ofOwner
                        + " order by x.question_id, x.position")
                .param("owner", ownerId)
                .query(rs -> {
                    statements
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Question.Statement(rs.getString(2), rs.getString(3)));
                });
        Map<Long, List<List<String>>> pairRows = new HashMap<>();
        jdbc.sql("select x.question_id, x.row_no, x.text from question_pair x" + ofOwner
                        + " order by x.question_id, x.row_no, x.cell_no")
                .param("owner", ownerId)
                .query(rs -> {
                    List<List<String>> table = pairRows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    int row = rs.getInt(2);
                    while (table.size() <= row) {
                        table.add(new ArrayList<>());
                    }
                    table.get(row).add(rs.getString(3));
                });
        return rows.stream()
                .map(r -> {
                    List<List<String>> table = pairRows.get(r.id());
                    Question.Pairs pairs =
                            table == null ? null : new Question.Pairs(table.get(0), table.subList(1, table.size()));
                    return new Question(
                            r.stem(),
                            statements.getOrDefault(r.id(), List.of()),
                            pairs,
                            options.getOrDefault(r.id(), List.of()),
                            r.answer()
                                    .chars()
                                    .mapToObj(ch -> String.valueOf((char) ch))
                                    .toList(),
                            r.explanation());
                })
                .toList();
    }
}
