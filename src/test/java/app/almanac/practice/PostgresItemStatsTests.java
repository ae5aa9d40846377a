package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The item statistics from real attempts on a real PostgreSQL. */
@EnabledIf("app.almanac.TestPostgres#available")
class PostgresItemStatsTests extends ItemStatsTests {

    private static final TestPostgres.Schema SCHEMA = TestPostgres.newSchema("itemstats");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void theseTestsRunOnPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
