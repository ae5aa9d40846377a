package app.almanac.article;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.ChangeLogFollower;
import app.almanac.shared.ChangeLogSubscriber;
import app.almanac.web.AnonymousPages;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's kept article pages true to the database: a change made on this node drops the
 * article's pages as soon as it commits (an editor who unpublishes sees it gone at once); a change
 * made on another node arrives through the change log within about a second.
 */
@Component
class ArticlePageEviction implements ChangeLogSubscriber {

    private final AnonymousPages pages;
    private volatile ChangeLogCursor cursor;

    ArticlePageEviction(AnonymousPages pages, ChangeLogFollower follower) {
        this.pages = pages;
        // the cache starts empty, so only what happens from now on matters
        this.cursor = follower.start();
    }

    @TransactionalEventListener
    void on(ArticleChanged change) {
        pages.evictOwner(change.id());
    }

    @Override
    public String name() {
        return "article pages";
    }

    @Override
    public ChangeLogCursor cursor() {
        return cursor;
    }

    @Override
    public void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next) {
        for (ChangeLog.Entry e : entries) {
            if (ArticleWriter.ENTITY.equals(e.entity())) {
                pages.evictOwner(e.entityId());
            }
        }
        cursor = next;
    }
}
