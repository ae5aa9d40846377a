package app.almanac.desk;

import app.almanac.account.AuditLog;
import app.almanac.article.ArticleChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes editorial changes to the audit log once they have committed (a refused or rolled-back
 * change is not an action taken). Imports are left out: their revisions say "import", and a bulk
 * import of thousands of files would drown the editors' actions.
 */
@Component
class DeskAudit {

    private final AuditLog audit;

    DeskAudit(AuditLog audit) {
        this.audit = audit;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ArticleChanged change) {
        if (!change.edit().byPerson() && !"publish".equals(change.edit().action())) {
            return;
        }
        String detail = change.edit().note() == null
                ? "revision " + change.revision()
                : change.edit().note();
        audit.record(change.edit().author(), "desk." + change.edit().action(), "article " + change.id(), detail);
    }
}
