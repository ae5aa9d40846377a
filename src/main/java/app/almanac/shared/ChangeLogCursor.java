package app.almanac.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far a derived store has followed the change log: the highest entry id it has seen, and the
 * lower ids it has not seen yet, each with the time it was first missed.
 *
 * <p>Why the missing ids: an id is taken when a transaction inserts its entry but becomes visible
 * only when that transaction commits, so a lower id can appear after a higher one. A follower
 * that only read {@code id > position} would skip it for ever. A missing id is either still in
 * flight (it will appear) or rolled back (it never will); it is asked for again on every poll
 * until it appears or its grace period runs out. Values are immutable: {@link #advance} returns
 * the next cursor, which a store saves together with what it applied.
 */
public record ChangeLogCursor(long position, SortedMap<Long, Instant> missing, String last) {

    /** More than this many missing ids means ids were skipped in bulk (a sequence jump), not in flight. */
    static final int MAX_MISSING = 10_000;

    /**
     * @param position the newest id applied
     * @param missing ids below it not seen yet, with when each was first missed
     * @param last the {@link ChangeLog.Entry#fingerprint fingerprint} of the entry at the position, or
     *     empty when unknown: if the log holds another entry under that id, it was handed out again
     */
    public ChangeLogCursor {
        missing = Collections.unmodifiableSortedMap(new TreeMap<>(missing));
        last = last == null ? "" : last;
    }

    /** A cursor at the start of an empty log. */
    public static ChangeLogCursor origin() {
        return new ChangeLogCursor(0, new TreeMap<>(), "");
    }

    /**
     * The cursor after seeing {@code late} (entries that were missing and have appeared) and
     * {@code fresh} (entries beyond the position, oldest first) at {@code now}; missing ids older
     * than {@code grace} are given up (rolled back, or never coming).
     */
    public ChangeLogCursor advance(
            Collection<ChangeLog.Entry> late, List<ChangeLog.Entry> fresh, Instant now, Duration grace) {
        TreeMap<Long, Instant> stillMissing = new TreeMap<>(missing);
        late.forEach(e -> stillMissing.remove(e.id()));
        long next = position;
        String nextLast = last;
        for (ChangeLog.Entry e : fresh) {
            if (e.id() <= next) {
                continue;
            }
            nextLast = e.fingerprint();
            if (e.id() - next - 1 <= MAX_MISSING) {
                for (long id = next + 1; id < e.id(); id++) {
                    stillMissing.put(id, now);
                }
            }
            next = e.id();
        }
        Instant oldest = now.minus(grace);
        stillMissing.values().removeIf(firstMissed -> firstMissed.isBefore(oldest));
        while (stillMissing.size() > MAX_MISSING) {
            stillMissing.remove(stillMissing.firstKey());
        }
        return new ChangeLogCursor(next, stillMissing, nextLast);
    }

    /**
     * The cursor as text, to be stored beside what a store applied:
     * {@code position;id@millis,id@millis;fingerprint}.
     */
    public String encode() {
        return position
                + ";"
                + missing.entrySet().stream()
                        .map(e -> e.getKey() + "@" + e.getValue().toEpochMilli())
                        .collect(Collectors.joining(","))
                + ";"
                + last;
    }

    /** Reads {@link #encode}'s text; a bare number (how positions were stored before) has nothing missing. */
    public static ChangeLogCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return origin();
        }
        String[] parts = text.split(";", 3);
        TreeMap<Long, Instant> missing = new TreeMap<>();
        if (parts.length >= 2 && !parts[1].isBlank()) {
            for (String item : parts[1].split(",")) {
                String[] idAndTime = item.split("@", 2);
                missing.put(Long.parseLong(idAndTime[0]), Instant.ofEpochMilli(Long.parseLong(idAndTime[1])));
            }
        }
        return new ChangeLogCursor(Long.parseLong(parts[0].strip()), missing, parts.length == 3 ? parts[2] : "");
    }

    /** True when the store has seen every entry up to its position. */
    public boolean complete() {
        return missing.isEmpty();
    }

    /** The missing ids, lowest first. */
    public List<Long> missingIds() {
        return List.copyOf(missing.keySet());
    }

    @Override
    public String toString() {
        return "ChangeLogCursor" + Map.of("position", position, "missing", missing.keySet(), "last", last);
    }
}
