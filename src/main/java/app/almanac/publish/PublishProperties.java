package app.almanac.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the public work of publishing ({@code almanac.publish.*}): anyone may ask for a PDF
 * or a feed, so each costs bounded memory and time whatever is asked and however often.
 *
 * @param concurrentRenders PDF compilations laid out at once on this node (each takes a core and
 *     up to a few hundred MB while it runs); a request waits {@code patience} for its turn, then
 *     gets 503
 * @param compilationSize how much analysis text one compilation holds (characters of stored
 *     body); a month with more lists the rest, with links, instead of laying them out
 * @param compilationCache how many bytes of finished PDFs this node keeps (each is kept until
 *     its month's content changes)
 * @param concurrentFeeds feeds and sitemaps built at once
 * @param patience how long a request waits for its turn
 */
@ConfigurationProperties("almanac.publish")
record PublishProperties(
        @DefaultValue("2") int concurrentRenders,
        @DefaultValue("3000000") long compilationSize,
        @DefaultValue("64MB") DataSize compilationCache,
        @DefaultValue("4") int concurrentFeeds,
        @DefaultValue("PT5S") Duration patience) {}
