package app.almanac.article;

import app.almanac.TestPostgres;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on a real PostgreSQL (see {@link TestPostgres}), in a schema of its own
 * that is dropped afterwards.
 */
@EnabledIf("app.almanac.TestPostgres#available")
class PostgresArticleStorageTests extends ArticleStorageContract {

    private static final TestPostgres.Schema SCHEMA = TestPostgres.newSchema("storage");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void theContractRunsOnPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            Assertions.assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo("PostgreSQL");
        }
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
