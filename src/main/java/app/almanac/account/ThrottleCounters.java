package app.almanac.account;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Where {@link LoginThrottle} keeps its counters: in this node's memory on the embedded database
 * (one node), in the database on PostgreSQL, so that N nodes do not give a guesser N times the
 * allowance. Keys are hashes; an update reads, changes and writes its counters as one step.
 */
interface ThrottleCounters {

    /** One counter: failures (or requests in a window), until when the next must wait, when it was last counted. */
    record Count(int failures, Instant waitUntil, Instant touched) {
        static final Count FRESH = new Count(0, Instant.EPOCH, Instant.EPOCH);
    }

    /** What an update leaves: the new counts (in the order of the keys) and its answer. */
    record Change<T>(List<Count> counts, T answer) {}

    /**
     * Reads the counters under {@code keys} (a key never counted reads as {@link Count#FRESH}),
     * lets {@code change} work out their new values and stores them, with no other update of
     * those keys in between, on any node.
     */
    <T> T update(List<String> keys, Function<List<Count>, Change<T>> change);

    /** The counter under {@code key} as it is now. */
    Count read(String key);

    /** Forgets the counter under {@code key}. */
    void remove(String key);

    /** Forgets the counters last counted before {@code cutoff}; they would read as fresh anyway. */
    void forgetBefore(Instant cutoff);
}
