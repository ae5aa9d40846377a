/**
 * Tiny shared pieces every feature may use: the change log that records every write, the one
 * gap-safe follower that keeps every derived store current from it, the clock and the site
 * settings. Uses nothing else in Almanac.
 */
@ApplicationModule(displayName = "Shared")
package app.almanac.shared;

import org.springframework.modulith.ApplicationModule;
