package app.almanac.search;

import app.almanac.article.Article;
import app.almanac.article.ArticleService;
import app.almanac.shared.ChangeLog;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current by reading the change log: every publish, edit and delete on
 * any node reaches every node's index within about a second. A new or emptied index is first
 * rebuilt from the database.
 */
@Component
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class ChangeLogFollower {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogFollower.class);
    static final int BATCH = 500;

    private final SearchIndex index;
    private final ChangeLog changeLog;
    private final ArticleService articles;

    ChangeLogFollower(SearchIndex index, ChangeLog changeLog, ArticleService articles) {
        this.index = index;
        this.changeLog = changeLog;
        this.articles = articles;
    }

    /** Applies what the log holds beyond the index; returns how many entries were applied. */
    @Scheduled(fixedDelayString = "${almanac.search.follow-delay:1000}")
    public synchronized int follow() {
        long applied = index.appliedChangeId();
        if (applied == 0 && index.documents() == 0 && articles.count() > 0) {
            rebuild(done -> {});
            return 0;
        }
        int count = 0;
        List<ChangeLog.Entry> entries;
        while (!(entries = changeLog.since(applied, BATCH)).isEmpty()) {
            for (ChangeLog.Entry e : entries) {
                if (ArticleService.CHANGE_LOG_ENTITY.equals(e.entity())) {
                    Optional<Article> article =
                            e.action() == ChangeLog.Action.DELETED ? Optional.empty() : articles.findById(e.entityId());
                    article.ifPresentOrElse(index::put, () -> index.remove(e.entityId()));
                }
                applied = e.id();
                count++;
            }
            index.commit(applied);
        }
        return count;
    }

    /**
     * Rebuilds the index from the database; {@code progress} hears how many articles are done.
     * Changes written meanwhile are in the log after the recorded point and are applied next.
     */
    public synchronized int rebuild(LongConsumer progress) {
        long from = changeLog.latestId();
        index.removeAll();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        long after = 0;
        List<Long> ids;
        while (!(ids = articles.idsAfter(after, BATCH)).isEmpty()) {
            // reading an article is several queries: read and index a batch on every core
            ids.parallelStream().forEach(id -> articles.findById(id).ifPresent(index::put));
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
