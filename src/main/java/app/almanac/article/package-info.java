/**
 * Articles: the content model (sections, blocks, fact tables, practice questions), its storage
 * with revisions, the editorial workflow, and the reader's article pages and JSON API. Uses {@code shared}
 * and the {@code web} layout and headers.
 */
@ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"shared", "web"})
package app.almanac.article;

import org.springframework.modulith.ApplicationModule;
