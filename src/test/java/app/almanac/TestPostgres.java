package app.almanac;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server tests run against: {@code ALMANAC_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (defaults: localhost:5432/almanac_test, almanac/almanac, what {@code .ci/run}
 * creates). Without a server the PostgreSQL tests are skipped on a developer's machine, but with
 * {@code CI=true} a missing server fails the build: CI must prove PostgreSQL for real.
 */
public final class TestPostgres {

    static final String URL = env("ALMANAC_TEST_PG_URL", "jdbc:postgresql://localhost:5432/almanac_test");
    static final String USER = env("ALMANAC_TEST_PG_USER", "almanac");
    static final String PASSWORD = env("ALMANAC_TEST_PG_PASSWORD", "almanac");

    private TestPostgres() {}

    /** For {@code @EnabledIf}: true when the server answers; in CI, an error when it does not. */
    public static boolean available() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + URL, e);
            }
            return false;
        }
    }

    /** A new, empty schema so that test classes never see each other's rows. */
    public static Schema newSchema(String purpose) {
        String name = ("test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        return new Schema(name);
    }

    /** A schema of the test database. */
    public record Schema(String name) {

        public String url() {
            return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", () -> USER);
            registry.add("spring.datasource.password", () -> PASSWORD);
            registry.add("spring.flyway.schemas", this::name);
        }

        /** A data source on this schema, for tests that run without Spring. */
        public DriverManagerDataSource dataSource() {
            return new DriverManagerDataSource(url(), USER, PASSWORD);
        }

        public void drop() {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
                c.createStatement().execute("drop schema if exists " + name + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
