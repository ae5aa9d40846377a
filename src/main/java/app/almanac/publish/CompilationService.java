package app.almanac.publish;

import app.almanac.article.ArticleService;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Monthly compilations as PDF: the page is written as HTML with a print stylesheet (one JTE
 * template, like every other page) and laid out into PDF by openhtmltopdf.
 */
@Service
public class CompilationService {

    private final ArticleService articles;
    private final TemplateEngine templates;

    CompilationService(ArticleService articles, TemplateEngine templates) {
        this.articles = articles;
        this.templates = templates;
    }

    /** The compilation of {@code month}, only for {@code syllabus} when it is not null. */
    public Compilation compilation(YearMonth month, String syllabus) {
        return Compilation.of(month, syllabus, articles.articlesIn(month, syllabus));
    }

    public byte[] pdf(Compilation compilation) {
        StringOutput html = new StringOutput();
        templates.render("publish/compilation.jte", Map.of("page", compilation), html);
        // openhtmltopdf reads XML: jsoup turns the HTML5 page into a well-formed DOM
        Document dom = new W3CDom().fromJsoup(Jsoup.parse(html.toString()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .withW3cDocument(dom, "/")
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
