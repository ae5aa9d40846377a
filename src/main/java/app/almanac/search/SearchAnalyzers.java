package app.almanac.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers: text is split into words, lower-cased, folded to ASCII where it has accents and
 * spelt the American way; queries also expand abbreviations into full names and back (synonyms
 * are applied to queries only, which keeps the index small and the synonym list editable
 * without a reindex).
 */
final class SearchAnalyzers {

    private static final Map<String, String> SPELLINGS = spellings();

    private SearchAnalyzers() {}

    /** For indexing, and for reading synonyms. */
    static Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, normalise(tokenizer));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** For queries: the index analysis plus synonyms. */
    static Analyzer query() {
        SynonymMap synonyms = synonyms();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(
                        tokenizer, new SynonymGraphFilter(normalise(tokenizer), synonyms, true));
            }
        };
    }

    private static TokenStream normalise(TokenStream tokens) {
        return new SpellingFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokens)), SPELLINGS);
    }

    private static Map<String, String> spellings() {
        Map<String, String> map = new HashMap<>();
        for (String line : resource("/search/spellings.txt").split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && !line.startsWith("#")) {
                map.put(parts[0], parts[1]);
            }
        }
        return Map.copyOf(map);
    }

    private static SynonymMap synonyms() {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, index());
            parser.parse(new StringReader(resource("/search/synonyms.txt")));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("search/synonyms.txt cannot be read", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SearchAnalyzers.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
