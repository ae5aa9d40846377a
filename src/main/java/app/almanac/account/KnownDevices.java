package app.almanac.account;

import app.almanac.shared.Hashes;
import app.almanac.shared.SiteAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsers a user has signed in from before, recognised by a long-lived random cookie: the
 * sign-in throttle counts their failures apart from everyone else's, so a guesser cannot keep the
 * owner out. The database keeps a hash of each token (any node recognises it); a user keeps the
 * newest few devices.
 */
@Component
class KnownDevices {

    static final String COOKIE = "almanac-device";
    static final int PER_USER = 10;
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean secure;

    KnownDevices(JdbcClient jdbc, Clock clock, SiteAddress site) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secure = site.secure();
    }

    /** The id (a hash) of this browser as a known device of {@code email}'s account, if it is one. */
    Optional<String> recognise(HttpServletRequest request, String email) {
        return token(request)
                .map(Hashes::sha256)
                .filter(hash -> jdbc.sql("""
                        select count(*) from known_device d join app_user u on u.id = d.user_id
                        where d.token_hash = :hash and u.email = :email""")
                                .param("hash", hash)
                                .param("email", AccountService.normalise(email))
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** After a right password: this browser becomes (or stays) a known device of the user. */
    void remember(HttpServletRequest request, HttpServletResponse response, long userId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<String> known = token(request)
                .map(Hashes::sha256)
                .filter(hash -> jdbc.sql(
                                        "update known_device set last_seen_at = :now where token_hash = :hash and user_id = :user")
                                .param("now", now)
                                .param("hash", hash)
                                .param("user", userId)
                                .update()
                        == 1);
        if (known.isPresent()) {
            return;
        }
        String token = Hashes.newToken();
        jdbc.sql(
                        "insert into known_device (token_hash, user_id, created_at, last_seen_at) values (:hash, :user, :now, :now)")
                .param("hash", Hashes.sha256(token))
                .param("user", userId)
                .param("now", now)
                .update();
        jdbc.sql("""
                delete from known_device where user_id = :user and token_hash not in (
                    select token_hash from known_device where user_id = :user
                    order by last_seen_at desc, created_at desc fetch first %d rows only)""".formatted(PER_USER)).param("user", userId).update();
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, token)
                        .path("/")
                        .maxAge(LIFETIME)
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build()
                        .toString());
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().length() <= 64) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
