/**
 * Accounts: users and roles, sign-up, sign-in with throttling, password change and reset, personal
 * API tokens, the security configuration (CSRF, headers, who may reach what) and the audit log.
 * Uses only {@code shared} and the {@code web} layout.
 */
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"shared", "web"})
package app.almanac.account;

import org.springframework.modulith.ApplicationModule;
