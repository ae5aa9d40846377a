package app.almanac.account;

import app.almanac.account.ApiToken.Issued;
import app.almanac.account.ApiToken.Scope;
import app.almanac.account.ApiToken.Token;
import app.almanac.shared.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, for scripts: a user makes one with a name and scopes, sees it once, and can
 * revoke it. Only a SHA-256 of the token is stored. A token acts as its user, narrowed to its scopes.
 */
@Service
class ApiTokens {

    static final String PREFIX = "alm_";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(AccountUser user, String name, List<String> scopeCodes) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountException(
                    "name", "Give the token a name of 1 to 100 characters, such as 'nightly import'.");
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        for (String code : scopeCodes == null ? List.<String>of() : scopeCodes) {
            scopes.add(Scope.parse(code)
                    .orElseThrow(() -> new AccountException("scopes", "There is no scope '" + code + "'.")));
        }
        if (scopes.isEmpty()) {
            throw new AccountException("scopes", "Choose at least one scope.");
        }
        if (scopes.contains(Scope.DESK) && user.role() == Role.LEARNER) {
            throw new AccountException("scopes", "Only editors can make tokens for the desk.");
        }
        String secret = PREFIX + Hashes.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, scopes, created_at)
                values (:user, :name, :hash, :scopes, :now)""")
                .param("user", user.id())
                .param("name", label)
                .param("hash", Hashes.sha256(secret))
                .param("scopes", scopes.stream().map(s -> s.code).collect(Collectors.joining(" ")))
                .param("now", now())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                user.getUsername(),
                "token.issue",
                "token " + id,
                label + " (" + scopes.stream().map(s -> s.code).collect(Collectors.joining(", ")) + ")");
        return new Issued(
                list(user.id()).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    /** A user's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<Token> list(long userId) {
        return jdbc.sql("""
                select id, name, scopes, created_at, last_used_at, revoked_at from api_token
                where user_id = :user order by id desc""")
                .param("user", userId)
                .query((rs, n) -> new Token(
                        rs.getLong("id"),
                        rs.getString("name"),
                        scopes(rs.getString("scopes")),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes a token of this user's; false when the user has no such token (someone else's is "no such"). */
    @Transactional
    public boolean revoke(AccountUser user, long tokenId) {
        int changed = jdbc.sql(
                        "update api_token set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                .param("now", now())
                .param("id", tokenId)
                .param("user", user.id())
                .update();
        if (changed == 1) {
            audit.record(user.getUsername(), "token.revoke", "token " + tokenId, null);
        }
        return changed == 1;
    }

    /** The user a presented token acts for and the scopes it carries; empty for unknown, revoked or disabled. */
    @Transactional
    Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashes.sha256(secret);
        Optional<Bearer> bearer = jdbc.sql("""
                select t.id, t.scopes, u.id as user_id, u.email, u.display_name, u.role, u.enabled
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and u.enabled""")
                .param("hash", hash)
                .query((rs, n) -> new Bearer(
                        rs.getLong("id"),
                        new AccountUser(
                                rs.getLong("user_id"),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")),
                                true,
                                null),
                        scopes(rs.getString("scopes"))))
                .optional();
        bearer.ifPresent(b -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                .param("now", now())
                .param("id", b.tokenId())
                .update());
        return bearer;
    }

    /** Who a valid token speaks for. */
    record Bearer(long tokenId, AccountUser user, Set<Scope> scopes) {}

    private static Set<Scope> scopes(String codes) {
        return Arrays.stream(codes.split(" "))
                .map(c -> Scope.parse(c.toLowerCase(Locale.ROOT)))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
