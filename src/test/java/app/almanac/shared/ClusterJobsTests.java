package app.almanac.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestPostgres;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two nodes (two {@link ClusterJobs} on one database) asking to run the same job: it runs once. */
class ClusterJobsTests {

    @Test
    void aJobAskedForByTwoNodesAtOnceRunsOnceOnH2() throws Exception {
        DataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure().dataSource(db).load().migrate();
        runsOnceAcrossTwoNodes(db);
    }

    @Test
    @EnabledIf("app.almanac.TestPostgres#available")
    void aJobAskedForByTwoNodesAtOnceRunsOnceOnPostgresql() throws Exception {
        TestPostgres.Schema schema = TestPostgres.newSchema("jobs");
        try {
            Flyway.configure()
                    .dataSource(schema.dataSource())
                    .schemas(schema.name())
                    .load()
                    .migrate();
            runsOnceAcrossTwoNodes(schema.dataSource());
        } finally {
            schema.drop();
        }
    }

    private static void runsOnceAcrossTwoNodes(DataSource db) throws Exception {
        ClusterJobs a = new ClusterJobs(new JdbcTemplate(db), "node-a");
        ClusterJobs b = new ClusterJobs(new JdbcTemplate(db), "node-b");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread first = new Thread(() -> a.once("sweep", Duration.ofSeconds(5), Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        b.once("sweep", Duration.ofSeconds(5), Duration.ofMinutes(1), runs::incrementAndGet);
        assertThat(runs).as("node b while node a is still sweeping").hasValue(1);
        finish.countDown();
        first.join(10_000);

        b.once("sweep", Duration.ofSeconds(5), Duration.ofMinutes(1), runs::incrementAndGet);
        assertThat(runs).as("node b just after: the period is not over").hasValue(1);
        b.once("another job", Duration.ofSeconds(5), Duration.ofMinutes(1), runs::incrementAndGet);
        assertThat(runs).as("another job is not held up").hasValue(2);

        AtomicInteger later = new AtomicInteger();
        Thread.sleep(4_200); // four fifths of the period: the lease is over
        b.once("sweep", Duration.ofSeconds(5), Duration.ofMinutes(1), later::incrementAndGet);
        assertThat(later).as("the next period, on the other node").hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
