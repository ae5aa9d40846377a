package app.almanac.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rendered article pages, keyed by article id and revision: a new revision, saved on any node,
 * changes the key, so a stale page is never served; entries also expire after a few minutes so
 * that the "related" lists on a page follow new articles. Bounded by bytes.
 */
@Component
class RenderedPages {

    record Key(long id, int revision) {}

    private final Cache<Key, byte[]> pages = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key k, byte[] page) -> page.length)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    byte[] get(ArticleService.Stamp stamp, Supplier<byte[]> render) {
        return pages.get(new Key(stamp.id(), stamp.revision()), k -> render.get());
    }
}
