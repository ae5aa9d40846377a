package app.almanac.admin;

import app.almanac.account.Account;
import app.almanac.account.AuditLog;
import java.util.List;

/** The models of the admin pages. */
public final class AdminPages {

    private AdminPages() {}

    public record Home(Health health, List<AuditLog.Event> recent) {}

    public record Users(List<Account> accounts, int page, int pages, String error) {}

    /** {@code events} holds one more than a page when there is a next page. */
    public record Audit(String action, int page, List<AuditLog.Event> events, int pageSize) {
        public List<AuditLog.Event> shown() {
            return events.size() > pageSize ? events.subList(0, pageSize) : events;
        }

        public boolean hasNext() {
            return events.size() > pageSize;
        }
    }
}
