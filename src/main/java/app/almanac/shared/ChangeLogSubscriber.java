package app.almanac.shared;

import java.util.List;

/**
 * A store derived from the database (a search index, a page cache…) that the {@link
 * ChangeLogFollower} keeps current on this node. The store keeps its own cursor, durably if it is
 * durable itself, and saves it together with what it applied.
 */
public interface ChangeLogSubscriber {

    /** A name for logs and health. */
    String name();

    /** Where this store stands now (a new store starts at {@link ChangeLogFollower#start()}). */
    ChangeLogCursor cursor();

    /**
     * Applies {@code entries} (late ones below the old position included, each entry once) and
     * records {@code next} as the new cursor, both at once where the store can.
     */
    void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next);
}
