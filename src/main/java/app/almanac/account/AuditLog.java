package app.almanac.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only record of editorial and admin actions, sign-ins and refusals, which admins read.
 * It joins the caller's transaction: an action and its audit entry commit or roll back together.
 */
@Component
public class AuditLog {

    /** One audit entry. */
    public record Event(
            long id, Instant at, String actor, String action, String target, String detail, String address) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to {@code target}; the client address comes from the request, if any. */
    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, target, detail, address)
                values (:at, :actor, :action, :target, :detail, :address)""")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("actor", cut(actor, 320))
                .param("action", action)
                .param("target", cut(target, 300))
                .param("detail", cut(detail, 2000))
                .param("address", address())
                .update();
    }

    /** The newest entries first, optionally only those whose action starts with {@code prefix}. */
    public List<Event> recent(String prefix, int offset, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, target, detail, address from audit_event
                where action like :prefix order by occurred_at desc, id desc limit :limit offset :offset""")
                .param("prefix", (prefix == null ? "" : prefix.replace("%", "").replace("_", "")) + "%")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Event(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail"),
                        rs.getString("address")))
                .list();
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return cut(request.getRemoteAddr(), 100);
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
