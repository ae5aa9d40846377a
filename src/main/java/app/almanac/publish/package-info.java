/**
 * Publishing: Atom feeds, the sitemap and robots.txt (and later PDF compilations and exports).
 * Uses the {@code article} API.
 */
@ApplicationModule(
        displayName = "Publish",
        allowedDependencies = {"article", "shared"})
package app.almanac.publish;

import org.springframework.modulith.ApplicationModule;
