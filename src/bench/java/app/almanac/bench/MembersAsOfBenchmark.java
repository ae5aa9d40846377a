package app.almanac.bench;

import app.almanac.AlmanacApplication;
import app.almanac.facts.FactsService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Members of X as of a day" through {@link FactsService#members}, the one query the pages, the API
 * and the CLI use, with {@code facts} facts stored (default 1,000,000): {@code facts / 50}
 * groupings of 50 membership intervals each, among 5,000 countries, each fact with a source; a
 * quarter of the intervals have ended. Each call asks a random grouping (by abbreviation, as a user
 * would) as of a random day between 1950 and 2026. On H2 (embedded, the default) and on PostgreSQL
 * ({@code ALMANAC_BENCH_PG_URL}, user and password {@code ALMANAC_BENCH_PG_USER}/{@code _PASSWORD},
 * default the test database on localhost). The generated database is kept (H2 under
 * {@code target/bench-facts}, PostgreSQL in schema {@code bench_facts}) and reused when it holds
 * the right number of facts, because writing a million facts takes minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class MembersAsOfBenchmark {

    private static final int PER_GROUPING = 50;
    private static final int COUNTRIES = 5_000;

    @Param({"h2", "postgresql"})
    public String database;

    @Param("1000000")
    public int facts;

    private ConfigurableApplicationContext context;
    private FactsService service;
    private final SplittableRandom random = new SplittableRandom(42);
    private int groupings;

    @Setup(Level.Trial)
    public void start() throws Exception {
        groupings = facts / PER_GROUPING;
        List<String> args = new ArrayList<>(List.of(
                "--logging.level.root=WARN",
                "--almanac.facts.load-on-start=false",
                "--spring.main.lazy-initialization=false"));
        if (database.equals("postgresql")) {
            String url = env("ALMANAC_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/almanac_test");
            args.add("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?")
                    + "currentSchema=bench_facts&reWriteBatchedInserts=true&prepareThreshold="
                    + env("ALMANAC_BENCH_PG_PREPARE", "5") + env("ALMANAC_BENCH_PG_OPTIONS", ""));
            args.add("--spring.datasource.username=" + env("ALMANAC_BENCH_PG_USER", "almanac"));
            args.add("--spring.datasource.password=" + env("ALMANAC_BENCH_PG_PASSWORD", "almanac"));
            args.add("--spring.flyway.schemas=bench_facts");
        } else {
            args.add("--almanac.data-dir=" + Path.of("target", "bench-facts").toAbsolutePath());
        }
        context = start(args);
        DataSource data = context.getBean(DataSource.class);
        boolean generated = false;
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from fact")) {
            rs.next();
            if (rs.getLong(1) != facts) {
                generate(c);
                generated = true;
            }
        }
        if (generated && database.equals("h2")) {
            // a bulk load leaves H2's file several times larger than its data (8 GB for these 2 million rows): compact
            // it once, as closing the database normally would, so that reads meet the layout a running site has
            Connection c = data.getConnection();
            c.createStatement().execute("shutdown compact"); // closes the database: the pool's connections are dead
            context.close();
            context = start(args);
        }
        service = context.getBean(FactsService.class);
        if (database.equals("postgresql")) {
            try (Connection c = data.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("analyze");
            }
        }
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(AlmanacApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Writes the entities and facts with plain batched inserts (the loader's checks are not what is measured). */
    private void generate(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String table : List.of(
                    "fact_change",
                    "fact_source",
                    "fact_completeness",
                    "fact",
                    "fact_entity_name",
                    "fact_entity",
                    "fact_dataset")) {
                s.execute("delete from " + table);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement entity = c.prepareStatement(
                        "insert into fact_entity (id, slug, name, kind, updated_at) values (?, ?, ?, ?, ?)");
                PreparedStatement name = c.prepareStatement(
                        "insert into fact_entity_name (entity_id, name, name_key, kind) values (?, ?, ?, 'abbreviation')")) {
            for (int i = 0; i < COUNTRIES + groupings; i++) {
                boolean country = i < COUNTRIES;
                String slug = country ? "country-" + i : "grouping-" + (i - COUNTRIES);
                entity.setLong(1, i + 1);
                entity.setString(2, slug);
                entity.setString(3, country ? "Country " + i : "Grouping " + (i - COUNTRIES));
                entity.setString(4, country ? "country" : "grouping");
                entity.setObject(5, now);
                entity.addBatch();
                if (!country) {
                    name.setLong(1, i + 1);
                    name.setString(2, "G" + (i - COUNTRIES));
                    name.setString(3, "g" + (i - COUNTRIES));
                    name.addBatch();
                }
                if (i % 5_000 == 4_999) {
                    entity.executeBatch();
                    name.executeBatch();
                }
            }
            entity.executeBatch();
            name.executeBatch();
        }
        try (PreparedStatement fact = c.prepareStatement("""
                        insert into fact (id, subject_id, predicate, object_id, status, counts, from_text, from_earliest,
                            from_latest, to_text, to_earliest, to_latest, fact_rank, contested, natural_key, revision, updated_at)
                        values (?, ?, 'member-of', ?, 'member', true, ?, ?, ?, ?, ?, ?, 'normal', false, ?, 1, ?)""");
                PreparedStatement source = c.prepareStatement(
                        "insert into fact_source (fact_id, position, url, title) values (?, 0, ?, 'Members')")) {
            long id = 0;
            for (int g = 0; g < groupings; g++) {
                long grouping = COUNTRIES + g + 1;
                for (int k = 0; k < PER_GROUPING; k++) {
                    id++;
                    long country = ((long) g * 7 + (long) k * 13) % COUNTRIES
                            + 1; // distinct for each k: one interval per pair
                    LocalDate from = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 70));
                    boolean ended = random.nextInt(4) == 0;
                    LocalDate to = ended ? from.plusDays(1 + random.nextInt(365 * 20)) : null;
                    fact.setLong(1, id);
                    fact.setLong(2, country);
                    fact.setLong(3, grouping);
                    fact.setString(4, from.toString());
                    fact.setObject(5, from);
                    fact.setObject(6, from.plusDays(1));
                    fact.setString(7, to == null ? null : to.toString());
                    fact.setObject(8, to);
                    fact.setObject(9, to == null ? null : to.plusDays(1));
                    fact.setString(
                            10, "country-" + (country - 1) + "|member-of|grouping-" + g + "||" + from + "|member");
                    fact.setObject(11, now);
                    fact.addBatch();
                    source.setLong(1, id);
                    source.setString(2, "https://example.org/groupings/" + g);
                    source.addBatch();
                }
                if (g % 100 == 99) {
                    fact.executeBatch();
                    source.executeBatch();
                    c.commit();
                }
            }
            fact.executeBatch();
            source.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @Benchmark
    public int membersAsOf() {
        String grouping = "G" + random.nextInt(groupings);
        LocalDate day = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 77));
        return service.members(grouping, day).members().size();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
