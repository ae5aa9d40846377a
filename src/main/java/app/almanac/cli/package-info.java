/**
 * The command line ({@code ./almanac}): serve, import and later export, reindex, demo data.
 * Each command starts only as much of the application as it needs. May use any feature's API.
 */
@ApplicationModule(displayName = "Command line")
package app.almanac.cli;

import org.springframework.modulith.ApplicationModule;
