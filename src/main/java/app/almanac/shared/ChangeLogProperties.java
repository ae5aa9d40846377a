package app.almanac.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the change log is followed ({@code almanac.change-log.*}).
 *
 * @param followDelay how long the follower waits between polls
 * @param gracePeriod how long an id missing below a store's position is asked for again: longer
 *     than any write transaction runs (one file of an import, one desk save)
 * @param startWindow how many ids below the newest a new store checks for transactions in flight
 */
@ConfigurationProperties("almanac.change-log")
record ChangeLogProperties(
        @DefaultValue("1s") Duration followDelay,
        @DefaultValue("10m") Duration gracePeriod,
        @DefaultValue("1000") int startWindow) {}
