package app.almanac.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.MutableClock;
import app.almanac.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The follower never skips an entry, proven with real transactions on both databases: ids are
 * taken at insert but seen at commit, so the lower id is committed last here, deterministically.
 */
class ChangeLogFollowerTests {

    private static final Duration GRACE = Duration.ofMinutes(10);

    @Test
    void aLowerIdCommittedAfterAHigherOneIsStillAppliedOnH2() throws SQLException {
        lowerIdCommittedLastIsApplied(h2("follower-late"), null);
    }

    @Test
    @EnabledIf("app.almanac.TestPostgres#available")
    void aLowerIdCommittedAfterAHigherOneIsStillAppliedOnPostgresql() throws SQLException {
        TestPostgres.Schema schema = TestPostgres.newSchema("follower");
        try {
            lowerIdCommittedLastIsApplied(schema.dataSource(), schema.name());
        } finally {
            schema.drop();
        }
    }

    @Test
    void anIdRolledBackIsAskedForUntilItsGracePeriodEndsAndThenGivenUpOnH2() throws SQLException {
        rolledBackIdIsGivenUp(h2("follower-rollback"), null);
    }

    @Test
    @EnabledIf("app.almanac.TestPostgres#available")
    void anIdRolledBackIsAskedForUntilItsGracePeriodEndsAndThenGivenUpOnPostgresql() throws SQLException {
        TestPostgres.Schema schema = TestPostgres.newSchema("follower_rollback");
        try {
            rolledBackIdIsGivenUp(schema.dataSource(), schema.name());
        } finally {
            schema.drop();
        }
    }

    @Test
    void aNewStoreCountsIdsBelowTheNewestThatAreNotCommittedYetAsMissing() throws SQLException {
        DataSource db = h2("follower-start");
        migrate(db, null);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        ChangeLogFollower follower = follower(db, clock);
        try (Connection slow = open(db);
                Connection fast = open(db)) {
            append(slow, 1);
            append(fast, 2);
            fast.commit();
            Recorder store = new Recorder(follower.start());
            assertThat(store.cursor().missingIds())
                    .as("the slow transaction's id")
                    .hasSize(1);
            slow.commit();
            follower.follow(store);
            assertThat(store.seen).containsExactly(1L);
        }
    }

    private static void lowerIdCommittedLastIsApplied(DataSource db, String schema) throws SQLException {
        migrate(db, schema);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        ChangeLogFollower follower = follower(db, clock);
        Recorder store = new Recorder(ChangeLogCursor.origin());
        try (Connection first = open(db);
                Connection second = open(db)) {
            append(first, 10); // takes the lower id, and stays open
            append(second, 11); // takes the higher id
            second.commit();

            follower.follow(store);
            assertThat(store.seen).containsExactly(11L);
            assertThat(store.cursor().missingIds()).hasSize(1);

            clock.advance(Duration.ofSeconds(4));
            first.commit();
            follower.follow(store);
            assertThat(store.seen).containsExactly(11L, 10L);
            assertThat(store.cursor().complete()).isTrue();

            assertThat(follower.follow(store)).as("nothing is applied twice").isZero();
            assertThat(store.seen).containsExactly(11L, 10L);
        }
    }

    private static void rolledBackIdIsGivenUp(DataSource db, String schema) throws SQLException {
        migrate(db, schema);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        ChangeLogFollower follower = follower(db, clock);
        Recorder store = new Recorder(ChangeLogCursor.origin());
        try (Connection failing = open(db);
                Connection ok = open(db)) {
            append(failing, 20);
            append(ok, 21);
            ok.commit();
            failing.rollback();

            follower.follow(store);
            assertThat(store.cursor().missingIds()).hasSize(1);
            clock.advance(GRACE.minusSeconds(1));
            follower.follow(store);
            assertThat(store.cursor().missingIds())
                    .as("still within its grace period")
                    .hasSize(1);
            clock.advance(Duration.ofSeconds(2));
            follower.follow(store);
            assertThat(store.cursor().complete()).isTrue();
            assertThat(store.seen).containsExactly(21L);
        }
    }

    /** A derived store that remembers which entities it was told about. */
    private static final class Recorder implements ChangeLogSubscriber {
        final List<Long> seen = new ArrayList<>();
        private ChangeLogCursor cursor;

        Recorder(ChangeLogCursor start) {
            this.cursor = start;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public ChangeLogCursor cursor() {
            return cursor;
        }

        @Override
        public void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next) {
            entries.forEach(e -> seen.add(e.entityId()));
            cursor = next;
        }
    }

    private static ChangeLogFollower follower(DataSource db, MutableClock clock) {
        ChangeLog log = new ChangeLog(JdbcClient.create(db), clock);
        return new ChangeLogFollower(
                log,
                null,
                clock,
                new ChangeLogProperties(Duration.ofSeconds(1), GRACE, 1000),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    private static DataSource h2(String name) {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static void migrate(DataSource db, String schema) {
        var config = Flyway.configure().dataSource(db);
        (schema == null ? config : config.schemas(schema)).load().migrate();
    }

    private static Connection open(DataSource db) throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** What the writer does inside its transaction: one change-log row, for article {@code entityId}. */
    private static void append(Connection c, long entityId) throws SQLException {
        try (var insert = c.prepareStatement("insert into change_log (entity, entity_id, action, occurred_at)"
                + " values ('article', ?, 'UPDATED', current_timestamp)")) {
            insert.setLong(1, entityId);
            insert.executeUpdate();
        }
    }
}
