package app.almanac.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one follower of the change log on this node: it brings every {@link ChangeLogSubscriber}
 * up to date about once a second, so that a write on any node reaches every node's derived stores.
 * It never skips an entry: ids missing below a store's position (transactions still in flight when
 * a higher id committed) are asked for again until they appear or their grace period ends (see
 * {@link ChangeLogCursor}).
 */
@Component
public class ChangeLogFollower {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChangeLogFollower.class);

    private final ChangeLog changeLog;
    private final ObjectProvider<ChangeLogSubscriber> subscribers;
    private final Clock clock;
    private final ChangeLogProperties properties;

    ChangeLogFollower(
            ChangeLog changeLog,
            ObjectProvider<ChangeLogSubscriber> subscribers,
            Clock clock,
            ChangeLogProperties properties,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.changeLog = changeLog;
        this.subscribers = subscribers;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final java.util.Set<String> measured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * How far each store on this node is behind the log, in entries: {@code almanac_change_log_lag{store=…}}.
     * Registered on first follow, when the subscribers are known.
     */
    private void measure(ChangeLogSubscriber subscriber) {
        if (measured.add(subscriber.name())) {
            io.micrometer.core.instrument.Gauge.builder(
                            "almanac.change.log.lag",
                            subscriber,
                            s -> Math.max(0, changeLog.latestId() - s.cursor().position()))
                    .description("Change-log entries this node's store has not yet applied")
                    .tag("store", subscriber.name())
                    .register(meters);
        }
    }

    /** Brings every store on this node up to date. */
    @Scheduled(fixedDelayString = "${almanac.change-log.follow-delay:1000}")
    public void followAll() {
        subscribers.orderedStream().forEach(subscriber -> {
            measure(subscriber);
            try {
                follow(subscriber);
            } catch (RuntimeException e) {
                // one broken store must not keep the others behind; it is retried on the next poll
                log.warn("following the change log into {} failed: {}", subscriber.name(), e.toString());
            }
        });
    }

    /** Applies what the log holds beyond {@code subscriber}'s cursor; returns how many entries were applied. */
    public int follow(ChangeLogSubscriber subscriber) {
        synchronized (subscriber) {
            int applied = 0;
            ChangeLogCursor cursor = subscriber.cursor();
            while (true) {
                List<ChangeLog.Entry> late = new ArrayList<>();
                List<Long> missing = cursor.missingIds();
                for (int i = 0; i < missing.size(); i += BATCH) {
                    late.addAll(changeLog.withIds(missing.subList(i, Math.min(missing.size(), i + BATCH))));
                }
                List<ChangeLog.Entry> fresh = changeLog.since(cursor.position(), BATCH);
                ChangeLogCursor next = cursor.advance(late, fresh, clock.instant(), properties.gracePeriod());
                if (next.equals(cursor)) {
                    return applied;
                }
                List<ChangeLog.Entry> entries = new ArrayList<>(late);
                entries.addAll(fresh);
                subscriber.apply(entries, next);
                applied += entries.size();
                cursor = next;
                if (fresh.size() < BATCH) {
                    return applied;
                }
            }
        }
    }

    /** The newest entry of the log: a store whose position is beyond it is ahead of the database. */
    public long latestId() {
        return changeLog.latestId();
    }

    /**
     * Whether a store at {@code cursor} has seen writes the database does not hold: its position is
     * beyond the log's newest entry, or the log holds another entry under the id it applied last
     * (commits were lost in a crash, or the database was restored, and ids were handed out again).
     * Such a store must be rebuilt from the database.
     */
    public boolean diverged(ChangeLogCursor cursor) {
        if (cursor.position() > changeLog.latestId()) {
            return true;
        }
        if (cursor.position() == 0 || cursor.last().isEmpty()) {
            return false;
        }
        return !changeLog
                .find(cursor.position())
                .map(ChangeLog.Entry::fingerprint)
                .orElse("")
                .equals(cursor.last());
    }

    /**
     * Where a new store starts: at the newest entry, with the ids just below it that are not
     * committed yet counted as missing (a transaction may hold one while this store starts).
     */
    public ChangeLogCursor start() {
        long latest = changeLog.latestId();
        long from = Math.max(0, latest - properties.startWindow());
        Set<Long> present = new HashSet<>(changeLog.idsBetween(from, latest));
        TreeMap<Long, Instant> missing = new TreeMap<>();
        for (long id = from + 1; id < latest; id++) {
            if (!present.contains(id)) {
                missing.put(id, clock.instant());
            }
        }
        return new ChangeLogCursor(
                latest,
                missing,
                latest == 0
                        ? ""
                        : changeLog
                                .find(latest)
                                .map(ChangeLog.Entry::fingerprint)
                                .orElse(""));
    }
}
