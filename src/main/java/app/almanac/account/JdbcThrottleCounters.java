package app.almanac.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The throttle's counters in the database, shared by every node: an update locks its rows ({@code
 * select … for update}, in key order so that two updates never wait on each other crosswise),
 * so two nodes counting the same guesser's attempts at once both count.
 */
final class JdbcThrottleCounters implements ThrottleCounters {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    JdbcThrottleCounters(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public <T> T update(List<String> keys, Function<List<Count>, Change<T>> change) {
        TreeSet<String> ordered = new TreeSet<>(keys);
        while (true) {
            ensureRows(ordered);
            T answer = transactions.execute(status -> locked(keys, ordered, change));
            if (answer != RACED) {
                return answer;
            }
        }
    }

    /** Stands for "a row was forgotten between its insert and its lock": start again. */
    private static final Object RACED = new Object();

    /**
     * Makes sure every key has a row, each insert on its own (PostgreSQL ends a transaction at a
     * duplicate key, and H2 has no {@code on conflict}): a row another node inserted first is as good.
     */
    private void ensureRows(TreeSet<String> keys) {
        for (String key : keys) {
            try {
                jdbc.sql("""
                                insert into throttle_counter (counter_key, failures, wait_until, touched_at)
                                select :key, 0, :epoch, :epoch
                                where not exists (select 1 from throttle_counter where counter_key = :key)""")
                        .param("key", key)
                        .param("epoch", utc(Instant.EPOCH))
                        .update();
            } catch (DuplicateKeyException insertedMeanwhile) {
                // another node's attempt inserted it first
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T locked(List<String> keys, TreeSet<String> ordered, Function<List<Count>, Change<T>> change) {
        Map<String, Count> locked = new HashMap<>();
        jdbc.sql("""
                            select counter_key, failures, wait_until, touched_at from throttle_counter
                            where counter_key in (:keys) order by counter_key for update""")
                .param("keys", List.copyOf(ordered))
                .query((rs, n) -> locked.put(
                        rs.getString(1),
                        new Count(
                                rs.getInt(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getObject(4, OffsetDateTime.class).toInstant())))
                .list();
        List<Count> now = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (!locked.containsKey(key)) {
                return (T) RACED;
            }
            now.add(locked.get(key));
        }
        Change<T> changed = change.apply(now);
        for (int i = 0; i < keys.size(); i++) {
            Count count = changed.counts().get(i);
            jdbc.sql("""
                                update throttle_counter set failures = :failures, wait_until = :waitUntil,
                                       touched_at = :touched
                                where counter_key = :key""")
                    .param("failures", count.failures())
                    .param("waitUntil", utc(count.waitUntil()))
                    .param("touched", utc(count.touched()))
                    .param("key", keys.get(i))
                    .update();
        }
        return changed.answer();
    }

    @Override
    public Count read(String key) {
        return jdbc.sql("select failures, wait_until, touched_at from throttle_counter where counter_key = :key")
                .param("key", key)
                .query((rs, n) -> new Count(
                        rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(Count.FRESH);
    }

    @Override
    public void remove(String key) {
        jdbc.sql("delete from throttle_counter where counter_key = :key")
                .param("key", key)
                .update();
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        jdbc.sql("delete from throttle_counter where touched_at < :cutoff")
                .param("cutoff", utc(cutoff))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
