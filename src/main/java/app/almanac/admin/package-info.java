/**
 * Admin: users and roles, the audit log, and the health page (database, search index, change-log
 * lag). Uses the {@code account}, {@code article} and {@code search} APIs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Admin",
        allowedDependencies = {"account", "article", "search", "shared", "web"})
package app.almanac.admin;
