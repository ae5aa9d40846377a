package app.almanac.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns British spellings into American ones (organisation → organization, defence → defense),
 * at index and at query time alike, so that either spelling finds both. Listed words come from
 * {@code search/spellings.txt}; "-isation(s)" and "-ise(s|d)" endings follow a rule, except for
 * short words where "ise" is part of the stem (rise, wise, noise).
 */
final class SpellingFilter extends TokenFilter {

    private final Map<String, String> words;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SpellingFilter(TokenStream input, Map<String, String> words) {
        super(input);
        this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String t = term.toString();
        String american = words.get(t);
        if (american == null) {
            american = rule(t);
        }
        if (american != null) {
            term.setEmpty().append(american);
        }
        return true;
    }

    private static String rule(String t) {
        for (String[] ending : new String[][] {
            {"isation", "ization"},
            {"isations", "izations"},
            {"ising", "izing"},
            {"ised", "ized"},
            {"ises", "izes"},
            {"ise", "ize"}
        }) {
            if (t.endsWith(ending[0])
                    && t.length() >= ending[0].length() + 4
                    && !t.endsWith("wise")
                    && !t.endsWith("cise")
                    && !t.endsWith("vise")
                    && !t.endsWith("prise")
                    && !t.endsWith("mise")
                    && !t.endsWith("cised")) {
                return t.substring(0, t.length() - ending[0].length()) + ending[1];
            }
        }
        return null;
    }
}
