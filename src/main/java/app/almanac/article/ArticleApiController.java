package app.almanac.article;

import app.almanac.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for articles. */
@RestController
class ArticleApiController {

    private final ArticleService articles;

    ArticleApiController(ArticleService articles) {
        this.articles = articles;
    }

    /** The article in the same shape as {@code import --dry-run --format json}, plus id, slug, revision and path. */
    @GetMapping("/api/articles/{slug}")
    Article article(@PathVariable String slug) {
        return articles.findPublishedBySlug(slug)
                .orElseThrow(() -> new NotFoundException("No article is called '" + slug + "'."));
    }
}
