package app.almanac.account;

import app.almanac.TestPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle's counters in the database, as several nodes on PostgreSQL keep them: two
 * throttles on one database stand for two nodes, and a guesser spread over both gets one
 * allowance, not two.
 */
class SharedLoginThrottleTests {

    static ThrottleCounters inDatabase(DataSource db) {
        return new JdbcThrottleCounters(
                JdbcClient.create(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
    }

    @Nested
    class OnH2 extends LoginThrottleContract {
        @Override
        ThrottleCounters counters() {
            DataSource db = new DriverManagerDataSource(
                    "jdbc:h2:mem:throttle-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                    "sa",
                    "");
            Flyway.configure().dataSource(db).load().migrate();
            return inDatabase(db);
        }
    }

    @Nested
    @EnabledIf("app.almanac.TestPostgres#available")
    class OnPostgresql extends LoginThrottleContract {
        private TestPostgres.Schema schema;

        @Override
        ThrottleCounters counters() {
            schema = TestPostgres.newSchema("throttle");
            DataSource db = schema.dataSource();
            Flyway.configure().dataSource(db).schemas(schema.name()).load().migrate();
            return inDatabase(db);
        }

        @AfterEach
        void drop() {
            schema.drop();
        }
    }
}
