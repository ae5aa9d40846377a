package app.almanac.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search settings ({@code almanac.search.*}).
 *
 * @param index where this node's index lives: a directory, {@code memory}, or empty for
 *     {@code index} under the data directory
 * @param enabled whether this process keeps an index (the CLI's import does not)
 */
@ConfigurationProperties("almanac.search")
record SearchProperties(
        @DefaultValue("") String index,
        @DefaultValue("true") boolean enabled) {}
