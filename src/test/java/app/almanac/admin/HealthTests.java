package app.almanac.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTests {

    @Test
    void anIndexBehindByLittleIsHealthy() {
        Health health = new Health("H2", 1, null, 10, 120, 118, false, Map.of(), 1);
        assertThat(health.lag()).isEqualTo(2);
        assertThat(health.ahead()).isFalse();
        assertThat(health.healthy()).isTrue();
    }

    @Test
    void anIndexAheadOfTheDatabaseIsUnhealthyThoughItsLagIsZero() {
        Health health = new Health("H2", 1, null, 10, 100, 121, false, Map.of(), 1);
        assertThat(health.lag()).isZero();
        assertThat(health.ahead()).isTrue();
        assertThat(health.healthy()).isFalse();
    }

    @Test
    void aNodeWithoutSearchIsNeverAhead() {
        assertThat(new Health("H2", 1, null, -1, 100, 0, false, Map.of(), 1).healthy())
                .isTrue();
    }
}
