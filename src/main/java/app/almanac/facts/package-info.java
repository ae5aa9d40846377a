/**
 * Facts as time-aware data: entities (organisations, groupings, countries…), facts that hold over
 * a half-open interval with the precision of each end, statuses that do or do not count as
 * membership, ranks, contested flags and sources; as-of queries, timelines and the shipped data
 * set; and where facts meet content: entities linked in articles, fact tables checked as of their
 * date, questions generated and proven, hand-written ones checked, the "Since this analysis" note and
 * the stale-content review queue. Uses {@code article} (content, questions, banks through its
 * API), {@code shared} (the change log) and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Facts",
        allowedDependencies = {"article", "shared", "web"})
package app.almanac.facts;
