package app.almanac.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sign-in throttle promises, whichever store keeps its counters: {@link LoginThrottleTests}
 * (memory, one node) and {@link SharedLoginThrottleTests} (the database, on H2 and PostgreSQL,
 * with two throttles standing for two nodes).
 */
abstract class LoginThrottleContract {

    static final LoginProperties LIMITS =
            new LoginProperties(5, 20, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 20);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    LoginThrottle throttle;
    /** Another node's throttle on the same counters (the same throttle when there is one node). */
    LoginThrottle other;

    /** The counters a node keeps; called once per node. */
    abstract ThrottleCounters counters();

    @BeforeEach
    void nodes() {
        ThrottleCounters shared = counters();
        throttle = new LoginThrottle(LIMITS, clock, shared);
        other = new LoginThrottle(LIMITS, clock, shared);
    }

    @Test
    void aSignUpAddressMayMakeTwentyRequestsAnHourAcrossNodes() {
        for (int i = 0; i < 20; i++) {
            assertThat((i % 2 == 0 ? throttle : other).request("/signup", "10.9.0.1"))
                    .as("request " + (i + 1))
                    .isTrue();
        }
        assertThat(throttle.request("/signup", "10.9.0.1")).isFalse();
        assertThat(other.request("/signup", "10.9.0.1")).isFalse();
        assertThat(throttle.request("/signup", "10.9.0.2"))
                .as("another address")
                .isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(other.request("/signup", "10.9.0.1")).as("a new hour").isTrue();
    }

    @Test
    void aCounterLeftAloneForTheForgetPeriodStartsOver() {
        for (int i = 0; i < 8; i++) {
            throttle.begin("quiet@example.org", "10.3.0.1", null);
        }
        assertThat(throttle.begin("quiet@example.org", "10.3.0.1", null).allowed())
                .isFalse();
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 6; i++) {
            assertThat(other.begin("quiet@example.org", "10.3.0.1", null).allowed())
                    .as("attempt " + (i + 1) + " after an hour")
                    .isTrue();
        }
        throttle.forgetOld();
        assertThat(other.begin("quiet@example.org", "10.3.0.1", null).allowed())
                .as("forgetting old counters keeps the ones counted lately")
                .isFalse();
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
    void fiveFailuresAreFreeThenEachFurtherOneDoublesTheWait() {
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.begin("someone@example.org", "10.0.0.1", null).allowed())
                    .as("attempt " + (i + 1))
                    .isTrue();
        }
        assertThat(throttle.begin("someone@example.org", "10.0.0.1", null).delay())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.begin("SOMEONE@example.org", "10.0.0.1", null).allowed())
                .as("the same account, however it is written")
                .isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.begin("someone@example.org", "10.0.0.1", null).allowed())
                .as("no lock: after the wait the next attempt is checked")
                .isTrue();
        assertThat(throttle.begin("someone@example.org", "10.0.0.1", null).delay())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(30)).as("capped").isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.begin("other@example.org", "10.0.0.1", null).allowed())
                .as("another account from the same address")
                .isTrue();
    }

    @Test
    void parallelGuessesAreCountedBeforeAnyPasswordIsChecked() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            Future<?>[] guesses = new Future<?>[40];
            for (int i = 0; i < guesses.length; i++) {
                guesses[i] = pool.submit(() -> {
                    start.await();
                    // half the guesses through each node
                    if ((Thread.currentThread().getId() % 2 == 0 ? throttle : other)
                            .begin("target@example.org", "10.0.0.7", null)
                            .allowed()) {
                        checked.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> guess : guesses) {
                guess.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // counting after the check let 28 of 40 through where 10 were meant to be
        assertThat(checked).hasValue(6);
    }

    @Test
    void aGuesserFromManyAddressesDoesNotHoldUpTheOwnersKnownDevice() {
        for (int i = 0; i < 21; i++) {
            assertThat(throttle.begin("owner@example.org", "10.1.0." + i, null).allowed())
                    .isTrue();
        }
        assertThat(throttle.begin("owner@example.org", "10.2.0.1", null).allowed())
                .as("a new address for this account must wait")
                .isFalse();
        assertThat(throttle.begin("owner@example.org", "10.2.0.1", "device-of-the-owner")
                        .allowed())
                .as("the owner's browser from before is not held up")
                .isTrue();
    }

    @Test
    void aGuesserAtTheOwnersOwnAddressDoesNotHoldUpTheOwnersKnownDevice() {
        for (int i = 0; i < 8; i++) {
            throttle.begin("owner@example.org", "192.0.2.10", null);
        }
        assertThat(throttle.begin("owner@example.org", "192.0.2.10", null).allowed())
                .isFalse();
        assertThat(throttle.begin("owner@example.org", "192.0.2.10", "device-of-the-owner")
                        .allowed())
                .isTrue();
    }

    @Test
    void oneAddressTryingManyAccountsSlows() {
        for (int i = 0; i < 101; i++) {
            assertThat(throttle.begin("user" + i + "@example.org", "198.51.100.9", null)
                            .allowed())
                    .isTrue();
        }
        assertThat(throttle.begin("user-next@example.org", "198.51.100.9", null).allowed())
                .isFalse();
        assertThat(throttle.begin("user-next@example.org", "198.51.100.10", null)
                        .allowed())
                .as("another address")
                .isTrue();
    }

    @Test
    void aRightPasswordGivesItsAttemptBackAndAResetForgivesTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("owner@example.org", "192.0.2.1", null);
        }
        throttle.begin("owner@example.org", "192.0.2.1", null);
        throttle.succeeded("owner@example.org", "192.0.2.1", null);
        assertThat(throttle.begin("owner@example.org", "192.0.2.1", null).allowed())
                .as("the pair starts over after the owner's right password")
                .isTrue();

        for (int i = 0; i < 25; i++) {
            throttle.begin("owner@example.org", "203.0.113." + i, null);
        }
        for (int i = 0; i < 8; i++) {
            throttle.begin("owner@example.org", "192.0.2.50", null);
        }
        assertThat(throttle.begin("owner@example.org", "192.0.2.50", null).allowed())
                .isFalse();
        throttle.forgive("owner@example.org");
        assertThat(throttle.begin("owner@example.org", "192.0.2.50", null).allowed())
                .as("after a reset, from an address that had to wait, shared with a guesser")
                .isTrue();
    }
}
