package app.almanac.article;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestArticles;
import app.almanac.TestPostgres;
import app.almanac.shared.ChangeLog;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Flyway migrations take a database made by the previous version (rows dumped from it, see
 * {@code migration/v3-database.sql}) to the current schema without losing a word: every article
 * reads back with the same sections, blocks, cells and credits the old body tables held.
 */
class MigrationTests {

    @Test
    void aDatabaseOfThePreviousVersionMigratesWithoutLossOnH2() throws IOException, SQLException {
        var h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        migratesWithoutLoss(h2, null);
    }

    @Test
    @EnabledIf("app.almanac.TestPostgres#available")
    void aDatabaseOfThePreviousVersionMigratesWithoutLossOnPostgresql() throws IOException, SQLException {
        TestPostgres.Schema schema = TestPostgres.newSchema("migration");
        try {
            migratesWithoutLoss(schema.dataSource(), schema.name());
        } finally {
            schema.drop();
        }
    }

    private static void migratesWithoutLoss(DataSource database, String schema) throws IOException, SQLException {
        // one connection for the whole test: a thousand inserts, each on a new connection, are slow on PostgreSQL
        AtomicInteger statements = new AtomicInteger();
        var dataSource = new SingleConnectionDataSource(counting(database.getConnection(), statements), true);
        flyway(dataSource, schema, "3").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String dump = new ClassPathResource("migration/v3-database.sql").getContentAsString(StandardCharsets.UTF_8);
        // the dump lists tables by name; insert them parents first
        List<String> parentsFirst = List.of(
                "question_bank",
                "article",
                "article_tag",
                "article_syllabus",
                "article_credit",
                "article_section",
                "article_block",
                "article_block_text",
                "article_revision",
                "question",
                "question_option",
                "question_statement",
                "question_pair",
                "change_log");
        for (String table : parentsFirst) {
            for (String line : dump.lines()
                    .filter(l -> l.startsWith("INSERT INTO \"" + table + "\" "))
                    .toList()) {
                jdbc.sql(line).update();
            }
        }
        Map<Long, List<String>> before = oldBodies(jdbc);
        assertThat(before).hasSize(39);

        flyway(dataSource, schema, "latest").migrate();

        var repository = new ArticleRepository(
                jdbc,
                new NamedParameterJdbcTemplate(dataSource),
                new QuestionRepository(jdbc, new NamedParameterJdbcTemplate(dataSource)),
                JsonMapper.builder().build());
        Map<Long, List<String>> after = new LinkedHashMap<>();
        for (long id : before.keySet()) {
            after.put(id, body(repository.findAnyById(id).orElseThrow().content()));
        }
        assertThat(after).isEqualTo(before);
        statements.set(0);
        repository.findAnyById(before.keySet().iterator().next()).orElseThrow();
        assertThat(statements.get()).as("statements to read one article").isLessThanOrEqualTo(3);
        // and the migrated database takes writes: a revision saved before authors were recorded (V3)
        // counts as an import's, so importing an edited text again is a new revision, not a refusal
        jdbc.sql("alter table change_log alter column id restart with 1000").update();
        long id = before.keySet().iterator().next();
        Article stored = repository.findAnyById(id).orElseThrow();
        jdbc.sql("update article_revision set saved_by = null where article_id = :id")
                .param("id", id)
                .update();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        var questions = new QuestionRepository(jdbc, new NamedParameterJdbcTemplate(dataSource));
        var writer = new ArticleWriter(
                repository,
                new WorkflowRepository(jdbc),
                new QuestionBankRepository(jdbc, questions),
                questions,
                new ChangeLog(jdbc, clock),
                event -> {},
                JsonMapper.builder().build(),
                clock);
        SaveResult reimported = writer.save(TestArticles.copyOf(stored.content())
                .context("An edited context line, imported again.")
                .build());
        assertThat(reimported.outcome()).isEqualTo(SaveResult.Outcome.UPDATED);
        assertThat(reimported.article().revision()).isEqualTo(stored.revision() + 1);

        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'article_block_text'")
                        .query(Long.class)
                        .single())
                .as("the second copy is gone")
                .isZero();
    }

    /** The connection, counting the statements prepared on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Flyway flyway(DataSource dataSource, String schema, String target) {
        var config = Flyway.configure().dataSource(dataSource).target(target);
        return (schema == null ? config : config.schemas(schema)).load();
    }

    /** Each article's headings, block kinds, texts and credits as the four old tables held them. */
    private static Map<Long, List<String>> oldBodies(JdbcClient jdbc) {
        Map<Long, List<String>> bodies = new LinkedHashMap<>();
        for (long id :
                jdbc.sql("select id from article order by id").query(Long.class).list()) {
            List<String> body = new ArrayList<>();
            jdbc.sql("select position, heading from article_section where article_id = :id order by position")
                    .param("id", id)
                    .query((rs, n) -> rs.getInt(1) + "|" + rs.getString(2))
                    .list()
                    .forEach(section -> {
                        int s = Integer.parseInt(section.substring(0, section.indexOf('|')));
                        body.add("## " + section.substring(section.indexOf('|') + 1));
                        for (var block : jdbc.sql("""
                                        select position, kind from article_block
                                        where article_id = :id and section_position = :s order by position""")
                                .param("id", id)
                                .param("s", s)
                                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                                .list()) {
                            body.add("[" + block.get(1) + "]");
                            body.addAll(jdbc.sql("""
                                            select row_no || ',' || cell_no || ',' || paragraph_no || ' ' || text
                                            from article_block_text
                                            where article_id = :id and section_position = :s and block_position = :b
                                            order by row_no, cell_no, paragraph_no""")
                                    .param("id", id)
                                    .param("s", s)
                                    .param("b", Integer.parseInt(block.get(0)))
                                    .query(String.class)
                                    .list());
                        }
                    });
            body.addAll(jdbc.sql("select label || ': ' || text || ' ' || coalesce(url, '-') from article_credit"
                            + " where article_id = :id order by position")
                    .param("id", id)
                    .query(String.class)
                    .list());
            bodies.put(id, body);
        }
        return bodies;
    }

    /** The same view of a body read from its JSON. */
    private static List<String> body(ArticleContent content) {
        List<String> body = new ArrayList<>();
        for (Section section : content.sections()) {
            body.add("## " + section.heading());
            for (Block block : section.blocks()) {
                body.add("[" + block.type() + "]");
                for (BlockText t : BlockText.flatten(block)) {
                    body.add(t.row() + "," + t.cell() + "," + t.paragraph() + " " + t.text());
                }
            }
        }
        content.credits().forEach(c -> body.add(c.label() + ": " + c.text() + " " + (c.url() == null ? "-" : c.url())));
        return body;
    }
}
