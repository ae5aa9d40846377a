package app.almanac.article;

import app.almanac.shared.ChangeLog;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rendered article pages in memory, by path, so that a busy page costs no database query at all.
 * The database stays the truth: this node follows the change log and drops the page of any
 * article changed on any node within about a second; pages also expire after a few minutes so
 * that their "related" lists follow new articles. Bounded by bytes.
 */
@Component
class RenderedPages {

    /** A rendered page and what a conditional request is answered from. */
    record Page(long id, String etag, long lastModified, byte[] html) {}

    private final Cache<String, Page> pages = Caffeine.newBuilder()
            .maximumWeight(96L * 1024 * 1024)
            .weigher((String path, Page page) -> page.html().length + path.length())
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();
    private final ChangeLog changeLog;
    private volatile long followed;

    RenderedPages(ChangeLog changeLog) {
        this.changeLog = changeLog;
        this.followed = changeLog.latestId();
    }

    /** The page if it is rendered already, else null. */
    Page cached(String path) {
        return pages.getIfPresent(path);
    }

    Page get(String path, Supplier<Page> render) {
        return pages.get(path, p -> render.get());
    }

    /**
     * Drops an article's pages on this node as soon as the current transaction commits (other nodes
     * follow the change log): an editor who unpublishes sees it gone at once.
     */
    void evictAfterCommit(long id) {
        Runnable evict = () -> pages.asMap().values().removeIf(page -> page.id() == id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            evict.run();
                        }
                    });
        } else {
            evict.run();
        }
    }

    /** Drops the pages of articles the change log says were changed since the last look. */
    @Scheduled(fixedDelayString = "${almanac.pages.follow-delay:1000}")
    void follow() {
        java.util.List<ChangeLog.Entry> entries;
        while (!(entries = changeLog.since(followed, 500)).isEmpty()) {
            java.util.Set<Long> changed = new java.util.HashSet<>();
            for (ChangeLog.Entry e : entries) {
                if (ArticleService.ENTITY.equals(e.entity())) {
                    changed.add(e.entityId());
                }
                followed = e.id();
            }
            pages.asMap().values().removeIf(page -> changed.contains(page.id()));
        }
    }
}
