/**
 * Admin: users and roles, the audit log, and the health page (database, search index, change-log
 * lag). Uses the {@code account}, {@code article} and {@code search} APIs.
 */
@ApplicationModule(
        displayName = "Admin",
        allowedDependencies = {"account", "article", "search", "shared", "web"})
package app.almanac.admin;

import org.springframework.modulith.ApplicationModule;
