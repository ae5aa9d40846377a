/**
 * Web: the layout every page shares, error pages, the rules that keep every failure a clear 4xx
 * page instead of a stack trace, security headers, and the anonymous-page cache with the one
 * definition of an anonymous request. Uses only {@code shared}.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = "shared")
package app.almanac.web;

import org.springframework.modulith.ApplicationModule;
