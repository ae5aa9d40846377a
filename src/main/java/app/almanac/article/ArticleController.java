package app.almanac.article;

import app.almanac.shared.NotFoundException;
import app.almanac.shared.SiteAddress;
import app.almanac.web.AnonymousPages;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * One page per article, with related analyses and the earlier analyses of the same story; answered
 * from a cache of rendered pages, and with 304 when the browser already has the revision.
 */
@Controller
class ArticleController {

    static final int AROUND = 5;

    private final ArticleService articles;
    private final AnonymousPages pages;
    private final TemplateEngine templates;
    private final SiteAddress site;

    private final org.springframework.beans.factory.ObjectProvider<ArticleNotes> notes;

    ArticleController(
            ArticleService articles,
            AnonymousPages pages,
            TemplateEngine templates,
            SiteAddress site,
            org.springframework.beans.factory.ObjectProvider<ArticleNotes> notes) {
        this.notes = notes;
        this.articles = articles;
        this.pages = pages;
        this.templates = templates;
        this.site = site;
    }

    @GetMapping("/articles/{date}/{slug}")
    ResponseEntity<byte[]> article(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable String slug,
            HttpServletRequest request,
            WebRequest webRequest) {
        // an anonymous reader's page is kept, and answered ahead of the filters from then on
        AnonymousPages.Page page = render(date, slug);
        pages.keep(request, page);
        // the revision identifies the content: a browser holding it gets 304 without any rendering
        if (webRequest.checkNotModified(page.etag(), page.lastModified())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .eTag(page.etag())
                .lastModified(page.lastModified())
                .cacheControl(CacheControl.noCache())
                .body(page.html());
    }

    private AnonymousPages.Page render(LocalDate date, String slug) {
        ArticleService.Stamp stamp = articles.stamp(date, slug)
                .orElseThrow(() -> new NotFoundException("No analysis was published on " + date + " under that name."));
        Article article = articles.findPublished(stamp.id())
                .orElseThrow(() -> new NotFoundException("That analysis has just been removed."));
        String url = site.absolute(article.path());
        ArticleNotes added = notes.getIfAvailable();
        ArticlePage page = new ArticlePage(
                article,
                articles.related(article, AROUND),
                articles.earlierOfStory(article, AROUND),
                url,
                added == null ? ArticleNotes.Notes.NONE : added.of(article));
        StringOutput out = new StringOutput();
        templates.render("article/article.jte", Map.of("page", page), out);
        return new AnonymousPages.Page(
                stamp.id(),
                "\"a" + stamp.id() + "-r" + stamp.revision() + "\"",
                stamp.updated().toEpochMilli(),
                out.toString().getBytes(StandardCharsets.UTF_8),
                () -> true);
    }
}
