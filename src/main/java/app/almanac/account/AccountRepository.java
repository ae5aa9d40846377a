package app.almanac.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Users and their reset tokens, in plain SQL. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, email, display_name, password_hash, role, enabled, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user row with the hash, for sign-in only. */
    record Row(
            long id,
            String email,
            String displayName,
            String passwordHash,
            Role role,
            boolean enabled,
            Instant createdAt) {
        Account account() {
            return new Account(id, email, displayName, role, enabled, createdAt);
        }

        AccountUser principal() {
            return new AccountUser(id, email, displayName, role, enabled, passwordHash);
        }
    }

    Optional<Row> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where email = :email")
                .param("email", email)
                .query(AccountRepository::row)
                .optional();
    }

    Optional<Row> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
                .param("id", id)
                .query(AccountRepository::row)
                .optional();
    }

    List<Account> page(int offset, int limit) {
        return jdbc
                .sql("select " + COLUMNS + " from app_user order by id limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(AccountRepository::row)
                .list()
                .stream()
                .map(Row::account)
                .toList();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    long countAdmins() {
        return jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
                .query(Long.class)
                .single();
    }

    long insert(String email, String displayName, String passwordHash, Role role, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, enabled, created_at)
                values (:email, :name, :hash, :role, true, :now)""")
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
    }

    void updateRole(long id, Role role) {
        jdbc.sql("update app_user set role = :role where id = :id")
                .param("role", role.name())
                .param("id", id)
                .update();
    }

    void updateEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :enabled where id = :id")
                .param("enabled", enabled)
                .param("id", id)
                .update();
    }

    void insertReset(String tokenHash, long userId, OffsetDateTime expires) {
        jdbc.sql("insert into password_reset (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
                .param("hash", tokenHash)
                .param("user", userId)
                .param("expires", expires)
                .update();
    }

    /** Ends every outstanding reset token of a user: after a reset or a password change, older links must not work. */
    void endResets(long userId, OffsetDateTime now) {
        jdbc.sql("update password_reset set used_at = :now where user_id = :user and used_at is null")
                .param("now", now)
                .param("user", userId)
                .update();
    }

    /** Marks an unused, unexpired reset token used and returns its user; empty when the token is no good. */
    /** The account a reset token still works for, without using the token up. */
    Optional<Row> findResetOwner(String tokenHash, OffsetDateTime now) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = (select user_id from password_reset"
                        + " where token_hash = :hash and used_at is null and expires_at > :now)")
                .param("hash", tokenHash)
                .param("now", now)
                .query(AccountRepository::row)
                .optional();
    }

    Optional<Long> redeemReset(String tokenHash, OffsetDateTime now) {
        Optional<Long> user = jdbc.sql("""
                select user_id from password_reset
                where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", tokenHash)
                .param("now", now)
                .query(Long.class)
                .optional();
        // the update only wins once, so a token raced from two nodes resets one password, once
        if (user.isPresent()
                && jdbc.sql("update password_reset set used_at = :now where token_hash = :hash and used_at is null")
                                .param("now", now)
                                .param("hash", tokenHash)
                                .update()
                        == 1) {
            return user;
        }
        return Optional.empty();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
