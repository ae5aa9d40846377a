/**
 * The editorial desk: editors bring analyses in (pasted text of any publisher, Markdown), edit
 * them in Markdown with a live preview, manage their practice questions, move them through review,
 * scheduling and publishing, compare and restore revisions, and work through learners' reports of
 * flawed questions (fix, drop from marking, dismiss). Every action is audited. Uses the
 * {@code article} and {@code ingest} APIs, the {@code account} audit log and {@code practice}'s reports.
 */
@ApplicationModule(
        displayName = "Desk",
        allowedDependencies = {"article", "ingest", "account", "practice", "facts", "shared", "web"})
package app.almanac.desk;

import org.springframework.modulith.ApplicationModule;
