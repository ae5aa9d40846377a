package app.almanac.admin;

import app.almanac.article.Status;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What the health page shows.
 *
 * @param databaseMillis  how long a trivial query took, or -1 when the database did not answer
 * @param indexDocuments  documents in this node's search index, or -1 when search is off on this node
 * @param changeLogLatest the newest change-log entry
 * @param indexApplied    the newest entry this node's index has applied
 * @param indexDiverged   whether an id the index applied now names another entry (ids handed out again)
 */
public record Health(
        String database,
        long databaseMillis,
        String databaseError,
        int indexDocuments,
        long changeLogLatest,
        long indexApplied,
        boolean indexDiverged,
        Map<Status, Integer> articles,
        long users) {

    /** How many changes this node's index has yet to apply. */
    @JsonProperty("lag")
    public long lag() {
        return indexDocuments < 0 ? 0 : Math.max(0, changeLogLatest - indexApplied);
    }

    /**
     * Whether this node's index claims changes the database does not have (the database lost
     * commits, or was restored from an older copy): the index rebuilds itself when it sees this.
     */
    @JsonProperty("ahead")
    public boolean ahead() {
        return indexDocuments >= 0 && (indexApplied > changeLogLatest || indexDiverged);
    }

    @JsonProperty("healthy")
    public boolean healthy() {
        return databaseError == null && (indexDocuments < 0 || (lag() < 1000 && !ahead()));
    }
}
