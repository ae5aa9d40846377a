package app.almanac.ingest;

import app.almanac.article.ArticleService;
import app.almanac.shared.SiteProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The analyses a new installation starts with, so the first page a newcomer sees is not empty.
 * They are written for Almanac and go through the same parser and import service as any
 * editor's file, so they also show the layout the text importer reads.
 */
@Component
public class SampleContent implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SampleContent.class);

    private final ArticleService articles;
    private final ImportService importer;
    private final boolean enabled;
    private int loaded;

    SampleContent(ArticleService articles, ImportService importer, SiteProperties site) {
        this.articles = articles;
        this.importer = importer;
        this.enabled = site.samples();
    }

    /**
     * With {@code almanac.samples=true} (what {@code almanac serve} sets), loads the samples
     * before the web server opens its port, so the first visitor never sees an empty site.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            loaded = loadIfEmpty();
        }
    }

    /** How many samples were loaded when the application started. */
    public int loadedAtStart() {
        return loaded;
    }

    /** Imports the samples when the database holds no article yet; returns how many were stored. */
    public int loadIfEmpty() {
        if (articles.count() > 0) {
            return 0;
        }
        int stored = 0;
        for (Resource resource : samples()) {
            try {
                ParseResult parsed = ArticleFiles.parse(resource.getFilename(), resource.getContentAsByteArray());
                ImportService.FileImport result = importer.store(parsed);
                if (result.ok()) {
                    stored += result.saved().size();
                } else {
                    // another node may be loading the same samples at the same moment
                    log.warn("sample {} not loaded: {}", resource.getFilename(), result.errors());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    private static Resource[] samples() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:/samples/*.txt");
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
