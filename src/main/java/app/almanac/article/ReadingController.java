package app.almanac.article;

import app.almanac.shared.Months;
import app.almanac.shared.NotFoundException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The reader's ways in: the day's digest, the archive by month, and lists by category, paper and tag. */
@Controller
class ReadingController {

    private final ArticleService articles;

    ReadingController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/")
    ModelAndView home() {
        return page(
                "article/digest",
                new ReadingPages.DigestPage(articles.latestDigest().orElse(null), true));
    }

    @GetMapping("/daily/{date}")
    ModelAndView day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Digest digest = articles.digest(date);
        if (digest.articles().isEmpty()) {
            throw new NotFoundException("No analyses were published on " + ReadingPages.shortDay(date) + ".");
        }
        return page("article/digest", new ReadingPages.DigestPage(digest, false));
    }

    @GetMapping("/archive")
    ModelAndView archive() {
        Optional<YearMonth> latest = articles.latestMonth();
        return latest.map(m -> new ModelAndView("redirect:/archive/" + m))
                .orElseThrow(() -> new NotFoundException("The archive is empty: no analyses have been published yet."));
    }

    @GetMapping("/archive/{month}")
    ModelAndView month(@PathVariable String month) {
        YearMonth yearMonth = Months.parse(month);
        return page("article/month", new ReadingPages.MonthPage(articles.month(yearMonth)));
    }

    @GetMapping("/categories")
    ModelAndView categories() {
        return page("article/topics", new ReadingPages.TopicsPage(articles.categories()));
    }

    @GetMapping("/categories/{slug}")
    ModelAndView category(@PathVariable String slug, @RequestParam(defaultValue = "1") int page) {
        return listing(articles.byCategory(slug, page), "category");
    }

    @GetMapping("/syllabus/{paper}")
    ModelAndView syllabus(@PathVariable String paper, @RequestParam(defaultValue = "1") int page) {
        return listing(articles.bySyllabus(paper, page), "syllabus paper");
    }

    @GetMapping("/tags/{tag}")
    ModelAndView tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page) {
        return listing(articles.byTag(tag, page), "topic");
    }

    private static ModelAndView listing(Optional<Listing> listing, String what) {
        return page(
                "article/listing",
                new ReadingPages.ListingPage(listing.orElseThrow(
                        () -> new NotFoundException("There is no such " + what + ", or no such page of it."))));
    }

    private static ModelAndView page(String view, Object model) {
        return new ModelAndView(view, Map.of("page", model));
    }
}
