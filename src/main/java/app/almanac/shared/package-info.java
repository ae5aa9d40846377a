/**
 * Tiny shared pieces every feature may use: the change log that records every write, and the
 * clock. Uses nothing else in Almanac.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package app.almanac.shared;
