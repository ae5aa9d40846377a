package app.almanac.article;

import app.almanac.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page per article, with related analyses and the earlier analyses of the same story; answered
 * from a cache of rendered pages, and with 304 when the browser already has the revision.
 */
@Controller
class ArticleController {

    static final int AROUND = 5;

    private final ArticleService articles;
    private final RenderedPages pages;
    private final TemplateEngine templates;

    ArticleController(ArticleService articles, RenderedPages pages, TemplateEngine templates) {
        this.articles = articles;
        this.pages = pages;
        this.templates = templates;
    }

    @GetMapping("/articles/{date}/{slug}")
    ResponseEntity<byte[]> article(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                   @PathVariable String slug, HttpServletRequest request, WebRequest webRequest) {
        ArticleService.Stamp stamp = articles.stamp(date, slug)
                .orElseThrow(() -> new NotFoundException("No analysis was published on " + date + " under that name."));
        // the revision identifies the content: a browser holding it gets 304 without any rendering
        String etag = "\"a" + stamp.id() + "-r" + stamp.revision() + "\"";
        if (webRequest.checkNotModified(etag, stamp.updated().toEpochMilli())) {
            return null;
        }
        byte[] html = pages.get(stamp, () -> render(stamp, request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .eTag(etag)
                .lastModified(stamp.updated())
                .cacheControl(CacheControl.noCache())
                .body(html);
    }

    private byte[] render(ArticleService.Stamp stamp, HttpServletRequest request) {
        Article article = articles.findById(stamp.id())
                .orElseThrow(() -> new NotFoundException("That analysis has just been removed."));
        String url = ServletUriComponentsBuilder.fromContextPath(request).path(article.path()).build().toUriString();
        ArticlePage page = new ArticlePage(article, articles.related(article, AROUND), articles.earlierOfStory(article, AROUND), url);
        StringOutput out = new StringOutput();
        templates.render("article/article.jte", Map.of("page", page), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
