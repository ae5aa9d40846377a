package app.almanac.search;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/** The search page and the search API. */
@Controller
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    ModelAndView page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String category,
                      @RequestParam(required = false) String tag, @RequestParam(required = false) String syllabus,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "1") int page) {
        SearchResults results = search.search(new SearchQuery(q, category, tag, syllabus, from, to, "date".equals(sort), page));
        return new ModelAndView("search/results", Map.of("page", new SearchPage(results)));
    }

    /** The same search as JSON: hits (snippets are HTML), facets and the suggestion. */
    @GetMapping("/api/search")
    @ResponseBody
    SearchResults api(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String category,
                      @RequestParam(required = false) String tag, @RequestParam(required = false) String syllabus,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "1") int page) {
        return search.search(new SearchQuery(q, category, tag, syllabus, from, to, "date".equals(sort), page));
    }
}
