package app.almanac.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The throttle's counters in this node's memory, bounded by weight, for the embedded database (one node). */
final class MemoryThrottleCounters implements ThrottleCounters {

    /** About what one counter and its cache entry take on the heap. */
    private static final int ENTRY_BYTES = 400;

    private final Cache<String, Count> counts;

    MemoryThrottleCounters(Duration forgetAfter) {
        // keys are SHA-256 hashes (64 characters whatever was sent): a flood of made-up names costs bounded memory
        this.counts = Caffeine.newBuilder()
                .maximumWeight(32L * 1024 * 1024)
                .weigher((String key, Count count) -> key.length() * 2 + ENTRY_BYTES)
                .expireAfterAccess(forgetAfter)
                .build();
    }

    @Override
    public synchronized <T> T update(List<String> keys, Function<List<Count>, Change<T>> change) {
        List<Count> now = new ArrayList<>(keys.size());
        for (String key : keys) {
            now.add(read(key));
        }
        Change<T> changed = change.apply(now);
        for (int i = 0; i < keys.size(); i++) {
            counts.put(keys.get(i), changed.counts().get(i));
        }
        return changed.answer();
    }

    @Override
    public Count read(String key) {
        Count count = counts.getIfPresent(key);
        return count == null ? Count.FRESH : count;
    }

    @Override
    public synchronized void remove(String key) {
        counts.invalidate(key);
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        counts.cleanUp();
    }

    /** How much the counters weigh now (for tests). */
    long weight() {
        counts.cleanUp();
        return counts.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }
}
