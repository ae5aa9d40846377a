/**
 * Articles: the content model (sections, blocks, fact tables, practice questions), the one writer
 * of articles and question banks (which publishes {@code ArticleChanged}), revisions, the workflow
 * moves, and the reader's article pages and JSON API. Uses {@code shared} and the {@code web}
 * layout, headers and page cache.
 */
@ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"shared", "web"})
package app.almanac.article;

import org.springframework.modulith.ApplicationModule;
