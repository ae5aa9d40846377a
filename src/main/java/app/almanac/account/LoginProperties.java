package app.almanac.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in and sign-up throttles ({@code almanac.login.*}); see {@link LoginThrottle}.
 *
 * @param failuresBeforeDelay failed sign-ins one client may have for one account before it must wait
 * @param accountFailuresBeforeDelay failed sign-ins for one account from clients that are not its known devices
 * @param addressFailuresBeforeDelay failed sign-ins from one address, over the accounts it is not a known device of
 * @param firstDelay the wait after the first failure past those; each further one doubles it
 * @param longestDelay the longest wait
 * @param forgetAfter a counter left alone this long starts over
 * @param requestsPerAddressHour sign-ups and reset requests one address may make in an hour
 */
@ConfigurationProperties("almanac.login")
record LoginProperties(
        @DefaultValue("5") int failuresBeforeDelay,
        @DefaultValue("20") int accountFailuresBeforeDelay,
        @DefaultValue("100") int addressFailuresBeforeDelay,
        @DefaultValue("PT1S") Duration firstDelay,
        @DefaultValue("PT15M") Duration longestDelay,
        @DefaultValue("PT1H") Duration forgetAfter,
        @DefaultValue("20") int requestsPerAddressHour) {}
