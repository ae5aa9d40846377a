/**
 * Ingest: pure parsers that turn bytes into article drafts plus diagnostics (file, line, what was
 * expected), and the import service, the only part that writes (one transaction per article).
 * Uses the {@code article} API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Ingest",
        allowedDependencies = {"article", "shared"})
package app.almanac.ingest;
