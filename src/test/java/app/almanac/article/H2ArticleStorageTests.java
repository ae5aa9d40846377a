package app.almanac.article;

import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The storage contract on the embedded database, as {@code ./almanac} runs it (PostgreSQL mode). */
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:storage;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class H2ArticleStorageTests extends ArticleStorageContract {

    @Autowired
    DataSource dataSource;

    @Test
    void theContractRunsOnH2() throws Exception {
        try (var connection = dataSource.getConnection()) {
            Assertions.assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo("H2");
        }
    }
}
