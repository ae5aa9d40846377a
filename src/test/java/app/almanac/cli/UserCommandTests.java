package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code almanac user …} against a real embedded database in a temporary directory. */
class UserCommandTests {

    @TempDir
    Path dataDir;

    private Cli.Run almanac(Map<String, String> environment, String... args) {
        return new Cli(dataDir).run(environment, args);
    }

    private String stored(String sql) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("almanac") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void anAdminIsAddedWithThePasswordFromTheEnvironmentAndOnlyItsHashIsStored() throws Exception {
        Cli.Run added = almanac(
                Map.of("ALMANAC_PASSWORD", "operator chosen pass"),
                "user",
                "add",
                "--role",
                "admin",
                "Ops@Example.org");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added ops@example.org (Admin)");
        assertThat(stored("select role from app_user where email = 'ops@example.org'"))
                .isEqualTo("ADMIN");
        assertThat(stored("select password_hash from app_user"))
                .startsWith("{bcrypt}")
                .doesNotContain("operator chosen pass");
        assertThat(stored("select action from audit_event")).isEqualTo("account.add");

        Cli.Run again = almanac(Map.of("ALMANAC_PASSWORD", "operator chosen pass"), "user", "add", "ops@example.org");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already an account");
    }

    @Test
    void badInputIsRefusedInOneLineAndNothingIsStored() throws Exception {
        Cli.Run weak = almanac(Map.of("ALMANAC_PASSWORD", "short"), "user", "add", "a@example.org");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err().strip()).isEqualTo("almanac user add: A password needs at least 10 characters.");
        Cli.Run role = almanac(
                Map.of("ALMANAC_PASSWORD", "long enough pass"), "user", "add", "--role", "owner", "a@example.org");
        assertThat(role.exitCode()).isEqualTo(1);
        assertThat(role.err()).contains("--role must be learner, editor or admin");
        Cli.Run noTerminal = almanac(Map.of(), "user", "add", "a@example.org");
        assertThat(noTerminal.exitCode()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("set ALMANAC_PASSWORD");
        assertThat(stored("select count(*) from app_user")).isEqualTo("0");
    }

    @Test
    void aResetLinkIsPrintedForAnExistingAccountAndRolesChange() throws Exception {
        almanac(Map.of("ALMANAC_PASSWORD", "long enough pass"), "user", "add", "reader@example.org");
        Cli.Run link =
                almanac(Map.of(), "user", "reset-link", "--base-url", "https://almanac.example/", "reader@example.org");
        assertThat(link.exitCode()).isZero();
        assertThat(link.out().strip()).matches("https://almanac\\.example/password/reset\\?token=[A-Za-z0-9_-]{43}");
        assertThat(almanac(Map.of(), "user", "reset-link", "nobody@example.org").exitCode())
                .isEqualTo(1);

        Cli.Run promoted = almanac(Map.of(), "user", "role", "reader@example.org", "editor");
        assertThat(promoted.out()).contains("reader@example.org is now Editor");
        assertThat(almanac(Map.of(), "user", "list").out()).contains("Editor", "reader@example.org");
    }
}
