/**
 * Tiny shared pieces every feature may use: the change log that records every write, and the
 * clock. Uses nothing else in Almanac.
 */
@ApplicationModule(displayName = "Shared")
package app.almanac.shared;

import org.springframework.modulith.ApplicationModule;
