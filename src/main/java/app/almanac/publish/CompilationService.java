package app.almanac.publish;

import app.almanac.article.Article;
import app.almanac.article.ArticleService;
import app.almanac.shared.Hashes;
import app.almanac.shared.SiteAddress;
import app.almanac.shared.Workload;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Monthly compilations as PDF: the page is written as HTML with a print stylesheet (one JTE
 * template, like every other page) and laid out into PDF by openhtmltopdf.
 *
 * <p>Laying out is the most expensive thing a visitor can ask for, so it is bounded three ways:
 * a compilation holds at most {@link PublishProperties#compilationSize} of text (the rest of the
 * month is listed with links); a finished PDF is kept for as long as the month's content (the
 * revisions of its analyses) stays the same, and concurrent requests for one that is being laid
 * out wait for that one; and at most {@link PublishProperties#concurrentRenders} are laid out at
 * once, the others being told to come back (503).
 */
@Service
public class CompilationService {

    /** A finished compilation and the version of the month's content it shows (its entity tag). */
    public record Pdf(byte[] bytes, String version) {}

    private record Key(YearMonth month, String syllabus, String version) {}

    private final ArticleService articles;
    private final TemplateEngine templates;
    private final PublishProperties limits;
    private final SiteAddress site;
    private final Workload renders;
    private final Cache<Key, byte[]> finished;
    private final ConcurrentMap<Key, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong layouts = new AtomicLong();

    CompilationService(ArticleService articles, TemplateEngine templates, PublishProperties limits, SiteAddress site) {
        this.site = site;
        this.articles = articles;
        this.templates = templates;
        this.limits = limits;
        this.renders = new Workload("PDF compilations", limits.concurrentRenders(), limits.patience());
        this.finished = Caffeine.newBuilder()
                .maximumWeight(limits.compilationCache().toBytes())
                .weigher((Key key, byte[] pdf) -> pdf.length)
                .build();
    }

    /**
     * The compilation of {@code month} (only for {@code syllabus} unless null) as the site serves
     * it: kept, or laid out once however many ask at the same time; empty when nothing was published.
     *
     * @throws app.almanac.shared.BusyException when too many others are being laid out
     */
    public Optional<Pdf> published(YearMonth month, String syllabus) {
        List<ArticleService.Listed> listed = articles.listedIn(month, syllabus);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(month, syllabus, version(listed));
        byte[] pdf = finished.getIfPresent(key);
        return Optional.of(new Pdf(pdf != null ? pdf : renderOnce(key, listed), key.version()));
    }

    /** The compilation of {@code month}, only for {@code syllabus} when it is not null. */
    public Compilation compilation(YearMonth month, String syllabus) {
        return compilation(month, syllabus, limits.compilationSize());
    }

    /** The compilation of {@code month} holding at most {@code budget} characters of analyses. */
    Compilation compilation(YearMonth month, String syllabus, long budget) {
        return compilation(month, syllabus, articles.listedIn(month, syllabus), budget);
    }

    /** How many compilations this node has laid out for the site (each is kept: see {@link #published}). */
    long layouts() {
        return layouts.get();
    }

    /** Lays {@code compilation} out as PDF, now (the CLI's way; the site's is {@link #published}). */
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

    private byte[] renderOnce(Key key, List<ArticleService.Listed> listed) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            // another reader may have finished it between our look in the cache and our claim
            byte[] done = finished.getIfPresent(key);
            if (done != null) {
                mine.complete(done);
                return done;
            }
            byte[] pdf = renders.run(() -> {
                layouts.incrementAndGet();
                return pdf(compilation(key.month(), key.syllabus(), listed, limits.compilationSize()));
            });
            finished.put(key, pdf);
            mine.complete(pdf);
            return pdf;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    /** Reads the month's analyses in date order until the size budget is spent; the rest are listed. */
    private Compilation compilation(YearMonth month, String syllabus, List<ArticleService.Listed> listed, long budget) {
        List<Article> included = new ArrayList<>();
        List<ArticleService.Listed> leftOut = new ArrayList<>();
        long used = 0;
        for (ArticleService.Listed entry : listed) {
            if (!leftOut.isEmpty() || (used + entry.size() > budget && !included.isEmpty())) {
                leftOut.add(entry);
                continue;
            }
            // one analysis larger than the whole budget is still laid out alone: import bounds its size
            articles.findPublished(entry.id()).ifPresent(included::add);
            used += entry.size();
        }
        return Compilation.of(month, syllabus, included, leftOut, site.base());
    }

    /** What identifies the month's content: each analysis at its revision. */
    private static String version(List<ArticleService.Listed> listed) {
        return Hashes.sha256(
                        listed.stream().map(l -> l.id() + "r" + l.revision()).collect(Collectors.joining(",")))
                .substring(0, 20);
    }
}
