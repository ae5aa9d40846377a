package app.almanac.article;

import app.almanac.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The reader's pages: the home page and one page per article. */
@Controller
class ArticleController {

    static final int HOME_PAGE_SIZE = 30;

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/")
    ModelAndView home() {
        return new ModelAndView("article/home", Map.of("page", new HomePage(articles.latest(HOME_PAGE_SIZE))));
    }

    @GetMapping("/articles/{date}/{slug}")
    ModelAndView article(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @PathVariable String slug) {
        Article article = articles.find(date, slug)
                .orElseThrow(() -> new NotFoundException("No analysis was published on " + date + " under that name."));
        return new ModelAndView("article/article", Map.of("page", new ArticlePage(article)));
    }
}
