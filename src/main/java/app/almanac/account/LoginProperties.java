package app.almanac.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in and sign-up throttles ({@code almanac.login.*}).
 *
 * @param failuresPerAccount failed sign-ins one account may have within the window
 * @param failuresPerAddress failed sign-ins one address may have within the window
 * @param window the window the failures are counted in
 * @param requestsPerAddressHour sign-ups and reset requests one address may make in an hour
 */
@ConfigurationProperties("almanac.login")
record LoginProperties(
        @DefaultValue("10") int failuresPerAccount,
        @DefaultValue("50") int failuresPerAddress,
        @DefaultValue("PT15M") Duration window,
        @DefaultValue("20") int requestsPerAddressHour) {}
