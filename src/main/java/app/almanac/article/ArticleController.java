package app.almanac.article;

import app.almanac.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** One page per article, with related analyses and the earlier analyses of the same story. */
@Controller
class ArticleController {

    static final int AROUND = 5;

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/articles/{date}/{slug}")
    ModelAndView article(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @PathVariable String slug, jakarta.servlet.http.HttpServletRequest request) {
        Article article = articles.find(date, slug)
                .orElseThrow(() -> new NotFoundException("No analysis was published on " + date + " under that name."));
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .path(article.path()).build().toUriString();
        return new ModelAndView("article/article", Map.of("page", new ArticlePage(article,
                articles.related(article, AROUND), articles.earlierOfStory(article, AROUND), url)));
    }
}
