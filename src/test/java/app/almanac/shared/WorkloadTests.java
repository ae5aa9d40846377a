package app.almanac.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkloadTests {

    private final Workload work = new Workload("renders", 1, Duration.ofMillis(100));

    @Test
    void oneMoreThanTheLimitIsToldToComeBackAndTheNextTurnIsFreeAgain() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> work.run(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> work.run(() -> "second"))
                .isInstanceOfSatisfying(
                        BusyException.class,
                        busy -> assertThat(busy.retryAfter()).isPositive())
                .hasMessageContaining("busy with other renders");
        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(work.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void workThatFailsGivesItsTurnBack() {
        assertThatThrownBy(() -> work.run(() -> {
                    throw new IllegalStateException("broken");
                }))
                .hasMessage("broken");
        assertThat(work.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
