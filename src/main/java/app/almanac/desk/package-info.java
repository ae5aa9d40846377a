/**
 * The editorial desk: editors bring analyses in (pasted text of any publisher, Markdown), edit
 * them in Markdown with a live preview, manage their practice questions, move them through review,
 * scheduling and publishing, and compare and restore revisions. Every action is audited. Uses the
 * {@code article} and {@code ingest} APIs and the {@code account} audit log.
 */
@ApplicationModule(
        displayName = "Desk",
        allowedDependencies = {"article", "ingest", "account", "shared", "web"})
package app.almanac.desk;

import org.springframework.modulith.ApplicationModule;
