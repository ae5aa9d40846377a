package app.almanac.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle on one node of the embedded database: counters in memory. */
class LoginThrottleTests extends LoginThrottleContract {

    private MemoryThrottleCounters counters;

    @Override
    ThrottleCounters counters() {
        counters = new MemoryThrottleCounters(Duration.ofHours(1));
        return counters;
    }

    @Test
    void aFloodOfHugeMadeUpNamesCostsLittleMemory() {
        String huge = "x".repeat(1_000_000);
        for (int i = 0; i < 200; i++) {
            throttle.begin(huge + i + "@example.org", "10.0.0." + (i % 250), null);
        }
        // 200 one-megabyte names kept 239 MB before; now every counter is keyed by a 64-character hash
        assertThat(counters.weight()).isLessThan(1_000_000);
    }
}
