package app.almanac.admin;

import static app.almanac.web.Pages.page;

import app.almanac.account.AccountException;
import app.almanac.account.AccountService;
import app.almanac.account.AuditLog;
import app.almanac.account.Role;
import app.almanac.article.EditorialService;
import app.almanac.search.SearchService;
import app.almanac.shared.ChangeLog;
import java.security.Principal;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/** Users and roles, the audit log and the health page, for admins only (see the security configuration). */
@Controller
class AdminController {

    static final int PAGE_SIZE = 50;

    private final AccountService accounts;
    private final AuditLog audit;
    private final EditorialService editorial;
    private final ChangeLog changeLog;
    private final ObjectProvider<SearchService> search;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AdminController(
            AccountService accounts,
            AuditLog audit,
            EditorialService editorial,
            ChangeLog changeLog,
            ObjectProvider<SearchService> search,
            JdbcClient jdbc,
            DataSource dataSource) {
        this.accounts = accounts;
        this.audit = audit;
        this.editorial = editorial;
        this.changeLog = changeLog;
        this.search = search;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @GetMapping("/admin")
    ModelAndView home() {
        return page("admin/home", new AdminPages.Home(health(), audit.recent("", 0, 10)), HttpStatus.OK);
    }

    @GetMapping("/admin/users")
    ModelAndView users(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String error) {
        return usersPage(page, null, HttpStatus.OK);
    }

    @PostMapping("/admin/users/{id}/role")
    ModelAndView role(@PathVariable long id, @RequestParam(defaultValue = "") String role, Principal admin) {
        try {
            accounts.setRole(
                    admin.getName(),
                    id,
                    Role.parse(role)
                            .orElseThrow(() -> new AccountException("role", "There is no role '" + role + "'.")));
            return new ModelAndView("redirect:/admin/users");
        } catch (AccountException e) {
            return usersPage(1, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    ModelAndView enabled(@PathVariable long id, @RequestParam boolean enabled, Principal admin) {
        try {
            accounts.setEnabled(admin.getName(), id, enabled);
            return new ModelAndView("redirect:/admin/users");
        } catch (AccountException e) {
            return usersPage(1, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/admin/audit")
    ModelAndView audit(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "1") int page) {
        int p = Math.max(1, Math.min(page, 10_000));
        return page(
                "admin/audit",
                new AdminPages.Audit(action, p, audit.recent(action, (p - 1) * PAGE_SIZE, PAGE_SIZE + 1), PAGE_SIZE),
                HttpStatus.OK);
    }

    @GetMapping("/admin/health")
    ModelAndView healthPage() {
        Health health = health();
        return page("admin/health", health, health.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** The same as JSON: for an admin's browser, or a monitoring script with an admin's token that has the read scope. */
    @GetMapping({"/admin/health.json", "/api/admin/health"})
    @ResponseBody
    ResponseEntity<Health> healthJson() {
        Health health = health();
        return ResponseEntity.status(health.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(health);
    }

    private Health health() {
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        } catch (Exception e) {
            database = "unknown";
        }
        long started = System.nanoTime();
        String error = null;
        long latest = 0;
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            latest = changeLog.latestId();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName();
        }
        long millis = error == null ? (System.nanoTime() - started) / 1_000_000 : -1;
        SearchService.IndexState index =
                search.getIfAvailable() == null ? null : search.getObject().state();
        return new Health(
                database,
                millis,
                error,
                index == null ? -1 : index.documents(),
                latest,
                index == null ? 0 : index.appliedChangeId(),
                index != null && index.diverged(),
                error == null ? editorial.counts() : Map.of(),
                error == null ? accounts.count() : 0);
    }

    private ModelAndView usersPage(int page, String error, HttpStatus status) {
        int p = Math.max(1, Math.min(page, 100_000));
        long total = accounts.count();
        return page(
                "admin/users",
                new AdminPages.Users(
                        accounts.page((p - 1) * PAGE_SIZE, PAGE_SIZE),
                        p,
                        (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE),
                        error),
                status);
    }
}
