package app.almanac.search;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/** Search runs only in the process that serves (see {@code almanac.search.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "almanac.search.enabled", havingValue = "true", matchIfMissing = true)
class SearchConfiguration {}
