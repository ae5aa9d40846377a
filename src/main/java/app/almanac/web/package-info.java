/**
 * Web: the layout every page shares, error pages, and the rules that keep every failure a clear
 * 4xx page instead of a stack trace. Uses only {@code shared}.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = "shared")
package app.almanac.web;

import org.springframework.modulith.ApplicationModule;
