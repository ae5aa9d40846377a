package app.almanac.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param hits       the articles on this page
 * @param total      how many match in all
 * @param facets     for each of category, syllabus and tag: values and how many matches have them
 * @param suggestion a corrected query when the words look misspelt ("did you mean"), or null
 */
public record SearchResults(
        SearchQuery query,
        List<Hit> hits,
        long total,
        int pages,
        Map<String, List<FacetValue>> facets,
        String suggestion) {

    /**
     * One matching article.
     *
     * @param snippet HTML: the text around the match, already escaped, with matches in {@code <mark>}
     */
    public record Hit(String title, String path, LocalDate date, String category, String snippet) {}

    public record FacetValue(String value, long count) {}

    static SearchResults none(SearchQuery query) {
        return new SearchResults(query, List.of(), 0, 0, Map.of(), null);
    }
}
