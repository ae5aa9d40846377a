package app.almanac.search;

import app.almanac.article.Article;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.SiteProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * This node's Lucene index: one writer, a searcher manager, and the id of the last change-log
 * entry it has applied, kept in the commit itself so that a restart resumes where it stopped.
 */
@Component
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class SearchIndex implements DisposableBean {

    /** The change-log cursor (position and ids still missing below it) this index reflects. */
    static final String APPLIED = "changeLogId";

    static final String SCHEMA = "schema";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facets = facetsConfig();
    private final Analyzer queryAnalyzer = SearchAnalyzers.query();
    private final Analyzer indexAnalyzer = SearchAnalyzers.index();

    SearchIndex(SearchProperties search, SiteProperties site) throws IOException {
        String location = search.index();
        this.directory = "memory".equals(location)
                ? new ByteBuffersDirectory()
                : FSDirectory.open(Files.createDirectories(
                        location.isBlank() ? Path.of(site.dataDir(), "index") : Path.of(location)));
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.index());
        // (the writer's analyzer is the same chain as indexAnalyzer, used for highlighting)
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        if (DirectoryReader.indexExists(directory)
                && !ArticleDocuments.SCHEMA_VERSION.equals(lastCommit().get(SCHEMA))) {
            // an index written by an earlier version: empty it, and the change-log follower rebuilds it from the
            // database
            writer.deleteAll();
            writer.setLiveCommitData(commitData(ChangeLogCursor.origin()));
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, new SearcherFactory());
    }

    private Map<String, String> lastCommit() throws IOException {
        var commits = DirectoryReader.listCommits(directory);
        return commits.get(commits.size() - 1).getUserData();
    }

    private static Iterable<Map.Entry<String, String>> commitData(ChangeLogCursor applied) {
        return Map.of(APPLIED, applied.encode(), SCHEMA, ArticleDocuments.SCHEMA_VERSION)
                .entrySet();
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(ArticleDocuments.TAG, true);
        config.setMultiValued(ArticleDocuments.SYLLABUS, true);
        return config;
    }

    FacetsConfig facets() {
        return facets;
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** Adds the article, or replaces the document that has its id. */
    void put(Article article) {
        try {
            writer.updateDocument(
                    new Term(ArticleDocuments.ID, Long.toString(article.id())),
                    facets.build(ArticleDocuments.of(article)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(long articleId) {
        try {
            writer.deleteDocuments(new Term(ArticleDocuments.ID, Long.toString(articleId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was put durable, records how far the change log was applied, and shows it to searches. */
    void commit(ChangeLogCursor applied) {
        try {
            writer.setLiveCommitData(commitData(applied));
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far this index reflects the change log; the origin for a new index. */
    ChangeLogCursor applied() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return ChangeLogCursor.origin();
            }
            return ChangeLogCursor.decode(lastCommit().get(APPLIED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int documents() {
        return writer.getDocStats().numDocs;
    }

    /** Runs {@code work} with a current searcher and releases it afterwards. */
    <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Calls {@code each} with the article id and revision of every live document, in one pass over
     * the doc values (no stored field is read); returns how many live documents there are.
     */
    int forEachDocument(DocumentVisitor each) {
        try {
            // what was committed last, even if a refresh after it is still under way in another thread
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withSearcher(searcher -> {
            int live = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits alive = reader.getLiveDocs();
                NumericDocValues ids = DocValues.getNumeric(reader, ArticleDocuments.ID);
                NumericDocValues revisions = DocValues.getNumeric(reader, ArticleDocuments.REVISION);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (alive != null && !alive.get(doc)) {
                        continue;
                    }
                    live++;
                    // every document ArticleDocuments writes has both; one without an id cannot be addressed anyway
                    if (ids.advanceExact(doc)) {
                        each.accept(ids.longValue(), revisions.advanceExact(doc) ? (int) revisions.longValue() : 0);
                    }
                }
            }
            return live;
        });
    }

    interface DocumentVisitor {
        void accept(long articleId, int revision);
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
