package app.almanac.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search settings ({@code almanac.search.*}).
 *
 * @param index where this node's index lives: a directory, {@code memory}, or empty for
 *     {@code index} under the data directory
 * @param enabled whether this process keeps an index (the CLI's import does not)
 * @param concurrentQueries searches answered at once on this node; more wait up to {@code patience}, then get 503
 * @param patience how long a search waits for its turn
 */
@ConfigurationProperties("almanac.search")
record SearchProperties(
        @DefaultValue("") String index,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8") int concurrentQueries,
        @DefaultValue("PT2S") Duration patience) {}
