package app.almanac.search;

import java.util.List;
import java.util.SortedSet;

/**
 * What a comparison of this node's search index with the database found (see {@link
 * SearchService#doctor}).
 *
 * @param databaseArticles published articles in the database: what the index should hold
 * @param indexedDocuments live documents in the index
 * @param missing published articles the index does not hold
 * @param extra documents of articles that are not published (unpublished, deleted, or never stored)
 * @param stale documents of another revision than the database's, or a second document of one article
 * @param appliedChangeId the newest change-log entry the index has applied (after catching up)
 * @param latestChangeId the newest entry of the change log
 * @param repaired whether a repair was asked for and the index agreed with the database after it
 */
public record IndexCheck(
        int databaseArticles,
        int indexedDocuments,
        Ids missing,
        Ids extra,
        Ids stale,
        long appliedChangeId,
        long latestChangeId,
        boolean repaired) {

    /** How many ids are listed at most; the counts are exact. */
    public static final int SHOWN = 20;

    /**
     * Article ids found in one state.
     *
     * @param count how many there are
     * @param first the lowest of them, at most {@link #SHOWN}, ascending
     */
    public record Ids(int count, List<Long> first) {

        static Ids of(SortedSet<Long> ids) {
            return new Ids(ids.size(), ids.stream().limit(SHOWN).toList());
        }
    }

    /** Whether the index held exactly what the database says it should, before any repair. */
    public boolean agrees() {
        return missing.count() == 0 && extra.count() == 0 && stale.count() == 0;
    }
}
