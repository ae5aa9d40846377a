/**
 * Search: a Lucene index derived from the database (never the truth), rebuilt by
 * {@code almanac reindex} and kept current by the shared change-log follower (and, for changes on
 * this node, by {@code ArticleChanged} after commit), so every app node keeps
 * its own index of one shared database; the search page and API. Uses the {@code article} API.
 */
@ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"article", "shared", "web"})
package app.almanac.search;

import org.springframework.modulith.ApplicationModule;
