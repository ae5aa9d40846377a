/**
 * Ingest: pure parsers that turn bytes into article drafts plus diagnostics (file, line, what was
 * expected), and the import service, the only part that writes (one transaction per article).
 * Uses the {@code article} API.
 */
@ApplicationModule(
        displayName = "Ingest",
        allowedDependencies = {"article", "shared"})
package app.almanac.ingest;

import org.springframework.modulith.ApplicationModule;
