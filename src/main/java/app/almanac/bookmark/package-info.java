/**
 * Bookmarks: a signed-in reader's saved articles, each with a private note in Markdown (rendered,
 * then sanitised with the OWASP Java HTML Sanitizer). Only their owner can see or change them.
 * Uses the {@code article} API and the signed-in user from {@code shared}.
 */
@ApplicationModule(
        displayName = "Bookmarks",
        allowedDependencies = {"article", "shared", "web"})
package app.almanac.bookmark;

import org.springframework.modulith.ApplicationModule;
