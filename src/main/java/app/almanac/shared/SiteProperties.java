package app.almanac.shared;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site-wide settings ({@code almanac.*}); each feature's own settings have a record of their own.
 *
 * @param dataDir where the embedded database and this node's search index live
 * @param timeZone the time zone the desk shows times in and reads scheduled times in
 * @param baseUrl the public address every absolute URL is built from (see {@link SiteAddress})
 * @param samples whether to load the sample analyses into an empty database
 */
@ConfigurationProperties("almanac")
public record SiteProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("Asia/Kolkata") ZoneId timeZone,
        @DefaultValue("") String baseUrl,
        @DefaultValue("false") boolean samples) {}
