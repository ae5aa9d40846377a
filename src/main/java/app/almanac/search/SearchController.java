package app.almanac.search;

import app.almanac.web.AnonymousPages;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The search page and the search API. */
@Controller
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class SearchController {

    private final SearchService search;
    private final AnonymousPages pages;
    private final TemplateEngine templates;

    SearchController(SearchService search, AnonymousPages pages, TemplateEngine templates) {
        this.search = search;
        this.pages = pages;
        this.templates = templates;
    }

    @GetMapping(path = "/search", produces = "text/html;charset=UTF-8")
    @ResponseBody
    byte[] page(
            HttpServletRequest request,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String syllabus,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "1") int page) {
        // the version is read first: a page must never be kept as current for a newer index than its results
        long version = search.version();
        SearchResults results =
                search.search(new SearchQuery(q, category, tag, syllabus, from, to, "date".equals(sort), page));
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render("search/results.jte", Map.of("page", new SearchPage(results)), out);
        byte[] html = out.toByteArray();
        // kept for anonymous readers while the index answers from the same version
        pages.keep(request, new AnonymousPages.Page(0, null, -1, html, () -> search.version() == version));
        return html;
    }

    /** The same search as JSON: hits (snippets are HTML), facets and the suggestion. */
    @GetMapping("/api/search")
    @ResponseBody
    SearchResults api(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String syllabus,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "1") int page) {
        return search.search(new SearchQuery(q, category, tag, syllabus, from, to, "date".equals(sort), page));
    }
}
