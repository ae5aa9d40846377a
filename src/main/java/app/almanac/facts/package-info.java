/**
 * Facts as time-aware data: entities (organisations, groupings, countries…), facts that hold over
 * a half-open interval with the precision of each end, statuses that do or do not count as
 * membership, ranks, contested flags and sources; as-of queries, timelines and the shipped data
 * set. Uses {@code shared} (the change log) and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Facts",
        allowedDependencies = {"shared", "web"})
package app.almanac.facts;
