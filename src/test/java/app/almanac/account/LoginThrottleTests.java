package app.almanac.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(10, 50, Duration.ofMinutes(15), 20));

    @Test
    void aFloodOfHugeMadeUpNamesCostsLittleMemory() {
        String huge = "x".repeat(1_000_000);
        for (int i = 0; i < 200; i++) {
            throttle.failed(huge + i + "@example.org", "10.0.0." + (i % 250));
        }
        // 200 one-megabyte names kept 239 MB before; now each bucket is keyed by a 64-character hash
        assertThat(throttle.weight()).isLessThan(1_000_000);
    }

    @Test
    void aNameLongerThanAnyEmailAddressIsNotEvenCounted() {
        assertThat(LoginThrottle.plausible("a".repeat(LoginThrottle.MAX_NAME))).isTrue();
        assertThat(LoginThrottle.plausible("a".repeat(LoginThrottle.MAX_NAME + 1)))
                .isFalse();
        assertThat(LoginThrottle.plausible(null))
                .as("no name: the sign-in form says so")
                .isTrue();
    }

    @Test
    void hashedKeysStillCountPerAccount() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("someone@example.org", "10.0.0." + i);
        }
        assertThat(throttle.allows("someone@example.org", "10.0.0.99")).isFalse();
        assertThat(throttle.allows("SOMEONE@example.org", "10.0.0.99"))
                .as("the same account")
                .isFalse();
        assertThat(throttle.allows("other@example.org", "10.0.0.99")).isTrue();
    }
}
