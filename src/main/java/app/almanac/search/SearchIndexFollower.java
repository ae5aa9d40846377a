package app.almanac.search;

import app.almanac.article.ArticleChanged;
import app.almanac.article.ArticleService;
import app.almanac.shared.ChangeLog;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.ChangeLogFollower;
import app.almanac.shared.ChangeLogSubscriber;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's index current through the change log (see {@link ChangeLogFollower}): every
 * publish, edit and delete on any node reaches every node's index within about a second, and a
 * change made on this node right after it commits. The cursor is kept in the index's own commit,
 * so a restart resumes where it stopped. A new or emptied index is first rebuilt from the database.
 */
@Component
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class SearchIndexFollower implements ChangeLogSubscriber {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchIndexFollower.class);

    private final SearchIndex index;
    private final ChangeLogFollower follower;
    private final ArticleService articles;

    SearchIndexFollower(SearchIndex index, ChangeLogFollower follower, ArticleService articles) {
        this.index = index;
        this.follower = follower;
        this.articles = articles;
    }

    /** A change on this node is searchable as soon as it commits, not a second later. */
    @TransactionalEventListener
    void on(ArticleChanged change) {
        follow();
    }

    /** Applies what the log holds beyond the index now; returns how many entries were applied. */
    int follow() {
        return follower.follow(this);
    }

    /** Whether the index has seen writes the database does not hold (it rebuilds when it next follows). */
    boolean diverged() {
        return follower.diverged(index.applied());
    }

    @Override
    public String name() {
        return "search index";
    }

    @Override
    public synchronized ChangeLogCursor cursor() {
        ChangeLogCursor applied = index.applied();
        boolean empty = applied.position() == 0 && index.documents() == 0 && articles.count() > 0;
        // an index ahead of the log has seen writes the database no longer holds (a restore, or
        // commits lost in a crash): what it holds cannot be trusted, and ids will be handed out again
        boolean diverged = follower.diverged(applied);
        if (empty || diverged) {
            if (diverged) {
                log.warn(
                        "search index has seen writes the database does not hold (applied {} {}, log ends at {}): rebuilding",
                        applied.position(),
                        applied.last(),
                        follower.latestId());
            }
            rebuild(done -> {});
            return index.applied();
        }
        return applied;
    }

    @Override
    public synchronized void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next) {
        for (ChangeLog.Entry e : entries) {
            if (ArticleService.CHANGE_LOG_ENTITY.equals(e.entity())) {
                // the entry says which article changed; the database says what it is now
                articles.findPublished(e.entityId()).ifPresentOrElse(index::put, () -> index.remove(e.entityId()));
            }
        }
        index.commit(next);
    }

    /**
     * Runs {@code work} once the log is applied up to now, and applies nothing meanwhile: it sees the
     * index and the database at one moment (but for a write that commits while it runs, which the
     * next poll applies).
     */
    synchronized <T> T caughtUp(Supplier<T> work) {
        follow();
        return work.get();
    }

    /**
     * Indexes {@code reindex} again as the database has them now (removing those no longer
     * published) and deletes the documents of {@code remove}; the cursor stays where it was, so
     * nothing the log holds is skipped.
     */
    synchronized void repair(Collection<Long> reindex, Collection<Long> remove) {
        reindex.parallelStream()
                .forEach(id -> articles.findPublished(id).ifPresentOrElse(index::put, () -> index.remove(id)));
        remove.forEach(index::remove);
        index.commit(index.applied());
        log.info("search index repaired: {} articles indexed again, {} removed", reindex.size(), remove.size());
    }

    /**
     * Rebuilds the index from the database; {@code progress} hears how many articles are done.
     * Changes written meanwhile are after the cursor taken first, and are applied next.
     */
    synchronized int rebuild(LongConsumer progress) {
        ChangeLogCursor from = follower.start();
        index.removeAll();
        AtomicInteger done = new AtomicInteger();
        long after = 0;
        List<Long> ids;
        while (!(ids = articles.idsAfter(after, BATCH)).isEmpty()) {
            // read and index a batch on every core
            ids.parallelStream().forEach(id -> articles.findPublished(id).ifPresent(index::put));
            for (int i = 0; i < ids.size(); i++) {
                progress.accept(done.incrementAndGet());
            }
            after = ids.get(ids.size() - 1);
        }
        index.commit(from);
        log.info("search index rebuilt: {} articles", done.get());
        return done.get();
    }
}
