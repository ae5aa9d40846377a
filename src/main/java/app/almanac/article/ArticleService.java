package app.almanac.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers, feeds, the index and exports read: published articles only, and the listings made
 * of them. Articles are written by the {@link ArticleWriter}.
 */
@Service
public class ArticleService {

    /** The name an article has in the change log. */
    public static final String CHANGE_LOG_ENTITY = ArticleWriter.ENTITY;

    /** Articles on a listing page. */
    public static final int PAGE_SIZE = 20;

    private final ArticleRepository repository;

    ArticleService(ArticleRepository repository) {
        this.repository = repository;
    }

    /** The article published on {@code date} under {@code slug}. */
    @Transactional(readOnly = true)
    public Optional<Article> find(LocalDate date, String slug) {
        return repository
                .findPublishedBySlug(slug)
                .filter(a -> a.content().date().equals(date));
    }

    /** Which revision of an article is current, and since when: enough to answer a conditional request. */
    public record Stamp(long id, int revision, Instant updated) {}

    /** The stamp of the article published on {@code date} under {@code slug}: one indexed lookup. */
    @Transactional(readOnly = true)
    public Optional<Stamp> stamp(LocalDate date, String slug) {
        return repository.stamp(date, slug);
    }

    /** Every published article's stamp, in id order: what a derived copy (the index, kept pages) is checked against. */
    @Transactional(readOnly = true)
    public List<Stamp> publishedStamps() {
        return repository.publishedStamps();
    }

    /** The article with this id (what the change log names), if it is published. */
    @Transactional(readOnly = true)
    public Optional<Article> findPublished(long id) {
        return repository.findPublished(id);
    }

    /** Article ids in ascending order after {@code afterId}, a batch at a time (for rebuilding indexes). */
    @Transactional(readOnly = true)
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, limit);
    }

    /** The article with this slug, whatever its date. */
    @Transactional(readOnly = true)
    public Optional<Article> findPublishedBySlug(String slug) {
        return repository.findPublishedBySlug(slug);
    }

    /** The newest articles first. */
    @Transactional(readOnly = true)
    public List<ArticleSummary> latest(int limit) {
        return repository.latest(limit);
    }

    /** The analyses of {@code date} and the days around it. */
    @Transactional(readOnly = true)
    public Digest digest(LocalDate date) {
        return new Digest(
                date,
                repository.onDate(date),
                repository.dateBefore(date).orElse(null),
                repository.dateAfter(date).orElse(null));
    }

    /** The latest day that has analyses, if any day has. */
    @Transactional(readOnly = true)
    public Optional<Digest> latestDigest() {
        return repository.latestDate().map(this::digest);
    }

    /** The archive of one month. */
    @Transactional(readOnly = true)
    public MonthArchive month(YearMonth month) {
        return new MonthArchive(
                month,
                repository.countsByDay(month.atDay(1), month.atEndOfMonth()),
                repository.dateBefore(month.atDay(1)).map(YearMonth::from).orElse(null),
                repository.dateAfter(month.atEndOfMonth()).map(YearMonth::from).orElse(null));
    }

    /** The month of the latest analysis, if there is one. */
    @Transactional(readOnly = true)
    public Optional<YearMonth> latestMonth() {
        return repository.latestDate().map(YearMonth::from);
    }

    /** Categories and how many analyses each has, with the slug of each for its URL. */
    @Transactional(readOnly = true)
    public List<Topic> categories() {
        return repository.categories().stream()
                .map(e -> new Topic(e.getKey(), Slugs.of(e.getKey()), e.getValue()))
                .toList();
    }

    /** A named group of articles and its size. */
    public record Topic(String name, String slug, int count) {}

    /** A page of the category whose name has this slug; empty when no category does. */
    @Transactional(readOnly = true)
    public Optional<Listing> byCategory(String slug, int page) {
        return repository.categories().stream()
                .map(Map.Entry::getKey)
                .filter(c -> Slugs.of(c).equals(slug))
                .findFirst()
                .flatMap(name -> listing(ArticleRepository.Filter.CATEGORY, name, name, "/categories/" + slug, page));
    }

    @Transactional(readOnly = true)
    public Optional<Listing> bySyllabus(String paper, int page) {
        return listing(ArticleRepository.Filter.SYLLABUS, paper, "Syllabus: " + paper, "/syllabus/" + paper, page);
    }

    @Transactional(readOnly = true)
    public Optional<Listing> byTag(String tag, int page) {
        return listing(ArticleRepository.Filter.TAG, tag, "Topic: " + tag, "/tags/" + tag, page);
    }

    private Optional<Listing> listing(
            ArticleRepository.Filter filter, String value, String heading, String path, int page) {
        int total = repository.count(filter, value);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (total == 0 || page < 1 || page > pages) {
            return Optional.empty();
        }
        return Optional.of(new Listing(
                heading, path, repository.page(filter, value, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, pages, total));
    }

    /**
     * A published analysis as work is planned with it before it is read: which revision it is at
     * and how large its stored body is (characters of JSON).
     */
    public record Listed(long id, int revision, LocalDate date, String title, String path, long size) {}

    /** The published analyses of {@code month} (only of {@code paper} unless null), in date order, unread. */
    @Transactional(readOnly = true)
    public List<Listed> listedIn(YearMonth month, String paper) {
        return repository.listedBetween(month.atDay(1), month.atEndOfMonth(), paper);
    }

    /** Articles newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<ArticleSummary> newest(int offset, int limit) {
        return repository.newest(offset, limit);
    }

    /** The newest articles of the category with this slug; empty when there is no such category. */
    @Transactional(readOnly = true)
    public Optional<List<ArticleSummary>> newestInCategory(String slug, int limit) {
        return repository.categories().stream()
                .map(Map.Entry::getKey)
                .filter(c -> Slugs.of(c).equals(slug))
                .findFirst()
                .map(name -> repository.newestIn(ArticleRepository.Filter.CATEGORY, name, limit));
    }

    /** Analyses that share topics with this one, most shared first. */
    @Transactional(readOnly = true)
    public List<ArticleSummary> related(Article article, int limit) {
        return repository.related(article.id(), limit);
    }

    /** Earlier analyses of the same story (the same title on earlier days). */
    @Transactional(readOnly = true)
    public List<ArticleSummary> earlierOfStory(Article article, int limit) {
        return repository.earlierOfStory(
                article.id(),
                Slugs.of(article.content().title()),
                article.content().date(),
                limit);
    }

    /** The slugs of all articles, oldest first: what an export walks through. */
    @Transactional(readOnly = true)
    public List<String> allSlugs() {
        return repository.allSlugs();
    }

    /** How many articles are stored. */
    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }
}
