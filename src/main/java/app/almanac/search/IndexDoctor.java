package app.almanac.search;

import app.almanac.article.ArticleService;
import app.almanac.shared.ChangeLogFollower;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Compares the index with the database article by article and repairs what differs. The follower
 * keeps the index current as long as it hears of every change; this finds what it cannot: entries
 * lost, an index restored or copied from elsewhere, documents damaged by hand or by a crash.
 */
@Component
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class IndexDoctor {

    private final SearchIndex index;
    private final SearchIndexFollower follower;
    private final ArticleService articles;
    private final ChangeLogFollower changeLog;

    IndexDoctor(SearchIndex index, SearchIndexFollower follower, ArticleService articles, ChangeLogFollower changeLog) {
        this.index = index;
        this.follower = follower;
        this.articles = articles;
        this.changeLog = changeLog;
    }

    IndexCheck check(boolean repair) {
        // changes still in the log are not damage: they are applied first, as the next poll would
        return follower.caughtUp(() -> {
            Differences found = compare();
            boolean repaired = false;
            if (repair) {
                if (!found.agrees()) {
                    SortedSet<Long> reindex = new TreeSet<>(found.missing());
                    reindex.addAll(found.stale());
                    follower.repair(reindex, found.extra());
                }
                repaired = compare().agrees();
            }
            return new IndexCheck(
                    found.databaseArticles(),
                    found.indexedDocuments(),
                    IndexCheck.Ids.of(found.missing()),
                    IndexCheck.Ids.of(found.extra()),
                    IndexCheck.Ids.of(found.stale()),
                    index.applied().position(),
                    changeLog.latestId(),
                    repaired);
        });
    }

    private record Differences(
            int databaseArticles,
            int indexedDocuments,
            SortedSet<Long> missing,
            SortedSet<Long> extra,
            SortedSet<Long> stale) {

        boolean agrees() {
            return missing.isEmpty() && extra.isEmpty() && stale.isEmpty();
        }
    }

    /** One query for the database and one pass over the index's doc values. */
    private Differences compare() {
        Map<Long, Integer> expected = new HashMap<>();
        for (ArticleService.Stamp s : articles.publishedStamps()) {
            expected.put(s.id(), s.revision());
        }
        Map<Long, Integer> held = new HashMap<>();
        SortedSet<Long> extra = new TreeSet<>();
        SortedSet<Long> stale = new TreeSet<>();
        int documents = index.forEachDocument((id, revision) -> {
            boolean twice = held.put(id, revision) != null;
            Integer current = expected.get(id);
            if (current == null) {
                extra.add(id);
            } else if (twice || revision != current) {
                // indexing it again leaves one document at the current revision
                stale.add(id);
            }
        });
        SortedSet<Long> missing = new TreeSet<>();
        for (Long id : expected.keySet()) {
            if (!held.containsKey(id)) {
                missing.add(id);
            }
        }
        return new Differences(expected.size(), documents, missing, extra, stale);
    }
}
