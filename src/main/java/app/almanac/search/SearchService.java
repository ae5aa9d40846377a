package app.almanac.search;

import static app.almanac.search.ArticleDocuments.BODY;
import static app.almanac.search.ArticleDocuments.CATEGORY;
import static app.almanac.search.ArticleDocuments.DATE;
import static app.almanac.search.ArticleDocuments.SYLLABUS;
import static app.almanac.search.ArticleDocuments.TAG;
import static app.almanac.search.ArticleDocuments.TITLE;

import app.almanac.shared.BadRequestException;
import app.almanac.shared.Workload;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** Searches this node's index, and rebuilds it on request. */
@Service
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
public class SearchService {

    public static final int PAGE_SIZE = 10;
    static final List<String> FACETS = List.of(CATEGORY, SYLLABUS, TAG);
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]{3,}");

    private final SearchIndex index;
    private final SearchIndexFollower follower;
    private final IndexDoctor doctor;
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    private final Workload queries;

    SearchService(
            SearchIndex index,
            SearchIndexFollower follower,
            IndexDoctor doctor,
            SearchProperties settings,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.index = index;
        this.follower = follower;
        this.doctor = doctor;
        io.micrometer.core.instrument.Gauge.builder("almanac.search.documents", index, SearchIndex::documents)
                .description("Documents in this node's search index")
                .register(meters);
        // a search a visitor can make costly (wildcards, fuzzy terms, deep pages) is bounded in number too
        this.queries = new Workload("searches", settings.concurrentQueries(), settings.patience());
    }

    /** Rebuilds the index from the database; {@code progress} hears how many articles are done. */
    public int rebuild(LongConsumer progress) {
        return follower.rebuild(progress);
    }

    /** Applies the change log now instead of within the next second (tests, and reindex at the end). */
    public int catchUp() {
        return follower.follow();
    }

    /**
     * Compares the index, article by article, with what the database says it should hold (every
     * published article, at its current revision), once the change log is applied; with {@code
     * repair}, indexes the missing and stale articles again and deletes the documents of the extra
     * ones. One query and one pass over the index: fit for a whole site.
     */
    public IndexCheck doctor(boolean repair) {
        return doctor.check(repair);
    }

    /**
     * How this node's index stands: documents held, the change-log position applied, and how many
     * ids below it are still missing (transactions in flight when a later one committed).
     */
    /**
     * @param diverged whether the index has seen writes the database does not hold (ahead of its
     *     log, or an id it applied now names another entry)
     */
    public record IndexState(int documents, long appliedChangeId, int missing, boolean diverged) {}

    public IndexState state() {
        var applied = index.applied();
        return new IndexState(
                index.documents(), applied.position(), applied.missing().size(), follower.diverged());
    }

    /**
     * Which version of the index answers searches now: it changes whenever the index does, so
     * anything derived from results (the rendered result pages) can tell when it is out of date.
     */
    public long version() {
        return index.withSearcher(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
    }

    public SearchResults search(SearchQuery q) {
        if (q.isEmpty() || index.documents() == 0) {
            return SearchResults.none(q);
        }
        return queries.run(() -> answer(q));
    }

    private SearchResults answer(SearchQuery q) {
        return index.withSearcher(searcher -> {
            // results stay valid while the index does not change: a new reader starts a new cache
            ResultCache cache = results;
            if (cache.reader() != searcher.getIndexReader()) {
                cache = new ResultCache(searcher.getIndexReader(), newCache());
                results = cache;
            }
            SearchResults cached = cache.results().getIfPresent(q);
            if (cached == null) {
                cached = run(searcher, q);
                cache.results().put(q, cached);
            }
            return cached;
        });
    }

    /** Recent queries' results for one version of the index (what Solr calls the query result cache). */
    private record ResultCache(IndexReader reader, Cache<SearchQuery, SearchResults> results) {}

    private volatile ResultCache results = new ResultCache(null, newCache());

    private static Cache<SearchQuery, SearchResults> newCache() {
        return Caffeine.newBuilder().maximumSize(2_000).build();
    }

    private SearchResults run(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query text = parse(q.text());
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        filter(all, CATEGORY, q.category());
        filter(all, TAG, q.tag());
        filter(all, SYLLABUS, q.syllabus());
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
            all.add(LongPoint.newRangeQuery(DATE, from, to), BooleanClause.Occur.FILTER);
        }
        Query query = all.build();
        int wanted = q.page() * PAGE_SIZE;
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(
                searcher,
                query,
                wanted,
                q.byDate() ? new Sort(new SortField(DATE, SortField.Type.LONG, true)) : Sort.RELEVANCE,
                new FacetsCollectorManager());
        TopDocs top = result.topDocs();
        long total = top.totalHits.value;
        int pages = (int) Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        ScoreDoc[] docs = top.scoreDocs;
        int from = Math.min((q.page() - 1) * PAGE_SIZE, docs.length);
        ScoreDoc[] pageDocs = Arrays.copyOfRange(docs, from, docs.length);
        String[] snippets = snippets(searcher, text, pageDocs);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < pageDocs.length; i++) {
            Document d = searcher.storedFields().document(pageDocs[i].doc);
            String snippet = snippets[i] != null ? snippets[i] : escape(d.get(ArticleDocuments.CONTEXT));
            hits.add(new SearchResults.Hit(
                    d.get(TITLE),
                    d.get(ArticleDocuments.PATH),
                    LocalDate.ofEpochDay(d.getField(DATE).numericValue().longValue()),
                    d.get(CATEGORY),
                    snippet));
        }
        String suggestion = total < 3 ? suggest(searcher, q.text()) : null;
        return new SearchResults(q, hits, total, pages, facets(searcher, result.facetsCollector()), suggestion);
    }

    /** The reader's words as a query; text that is not valid syntax is searched as plain words. */
    private Query parse(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {TITLE, BODY}, index.queryAnalyzer(), Map.of(TITLE, 3f, BODY, 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false); // so that multi-word synonyms ("security council") match as phrases
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (TooComplexToDeterminizeException e) {
            // a /regular expression/ whose automaton would take unbounded work to build
            throw new BadRequestException("That pattern is too complex to search for; search for words instead.");
        } catch (ParseException | IllegalArgumentException | BooleanQuery.TooManyClauses e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException | IllegalArgumentException | BooleanQuery.TooManyClauses again) {
                return new MatchAllDocsQuery();
            }
        }
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query text, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0 || text instanceof MatchAllDocsQuery) {
            return new String[docs.length];
        }
        // the query already holds the synonyms; the text is read as it was indexed
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        Map<String, String[]> found = highlighter.highlightFields(new String[] {BODY}, text, ids, new int[] {2});
        return found.get(BODY);
    }

    private Map<String, List<SearchResults.FacetValue>> facets(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        Map<String, List<SearchResults.FacetValue>> out = new LinkedHashMap<>();
        Facets counts;
        try {
            counts = new SortedSetDocValuesFacetCounts(facetState(searcher), collector);
        } catch (IllegalArgumentException noFacetsYet) {
            return out;
        }
        for (String dim : FACETS) {
            try {
                FacetResult r = counts.getTopChildren(12, dim);
                if (r != null) {
                    out.put(
                            dim,
                            Arrays.stream(r.labelValues)
                                    .map(lv -> new SearchResults.FacetValue(lv.label, lv.value.longValue()))
                                    .toList());
                }
            } catch (IllegalArgumentException dimensionNotIndexed) {
                // no article has this dimension yet
            }
        }
        return out;
    }

    /** Building the facet ordinals reads every document: do it once per index version, not per query. */
    private volatile DefaultSortedSetDocValuesReaderState facetState;

    private DefaultSortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        DefaultSortedSetDocValuesReaderState state = facetState;
        if (state == null || state.getReader() != searcher.getIndexReader()) {
            synchronized (this) {
                state = facetState;
                if (state == null || state.getReader() != searcher.getIndexReader()) {
                    state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), index.facets());
                    facetState = state;
                }
            }
        }
        return state;
    }

    /** "Did you mean": each long word not in the index, replaced by its nearest neighbour that is. */
    private String suggest(IndexSearcher searcher, String text) throws IOException {
        StringBuilder corrected = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        boolean changed = false;
        while (m.find()) {
            corrected.append(text, last, m.start());
            String word = m.group();
            // a word the reader excluded ("-word") needs no correction, and mixing in digits is no typo
            boolean excluded = m.start() > 0 && text.charAt(m.start() - 1) == '-';
            SuggestWord[] near = excluded || word.chars().anyMatch(Character::isDigit)
                    ? new SuggestWord[0]
                    : spelling.suggestSimilar(
                            new Term(BODY, word.toLowerCase(Locale.ROOT)),
                            1,
                            searcher.getIndexReader(),
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (near.length > 0) {
                corrected.append(near[0].string);
                changed = true;
            } else {
                corrected.append(word);
            }
            last = m.end();
        }
        corrected.append(text.substring(last));
        return changed ? corrected.toString() : null;
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(text);
    }
}
