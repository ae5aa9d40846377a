package app.almanac.account;

import app.almanac.shared.Hashes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing a guesser a lock-out button.
 *
 * <p>Three counters of failures, each free for a while and then answered with a delay that
 * doubles with every further failure (up to {@code longestDelay}):
 * <ul>
 *   <li>per account and client (the client is its address, or its device when it is a
 *       {@link KnownDevices known device} of the account): one guesser slows only itself;
 *   <li>per account, over every client that is not a known device: guessing from many addresses
 *       slows too, while the owner on a device they signed in from before is not held up;
 *   <li>per address, over every account that client is not a known device of: one address trying
 *       many accounts slows.
 * </ul>
 * An attempt is counted as a failure before its password is checked ({@link #begin}), in one
 * step with the check, so parallel guesses cannot slip past; a right password gives it back.
 * A password reset forgets the account's counters. There is no lock: after the delay, the next
 * attempt is checked. Counters live in this node's memory (bounded by weight, keyed by hashes);
 * with N nodes a guesser gets at most N times the allowance.
 */
@Component
class LoginThrottle {

    /** The longest e-mail address there is (RFC 5321): anything longer is refused before it is kept. */
    static final int MAX_NAME = 320;

    /** What the throttle answers an attempt: go ahead ({@code delay} zero), or wait that long. */
    record Verdict(Duration delay) {
        boolean allowed() {
            return delay.isZero();
        }

        /** The wait in whole seconds, at least one, for Retry-After. */
        long seconds() {
            return Math.max(1, (delay.toMillis() + 999) / 1000);
        }
    }

    /** Failures counted under one key, and until when the next attempt must wait. */
    private static final class Counter {
        final int free;
        int failures;
        Instant waitUntil = Instant.EPOCH;

        Counter(int free) {
            this.free = free;
        }
    }

    /** About what one counter or bucket and its cache entry take on the heap. */
    private static final int ENTRY_BYTES = 400;

    private final Cache<String, Object> entries;
    private final Cache<String, Boolean> refusalsAudited;
    private final LoginProperties limits;
    private final Clock clock;

    LoginThrottle(LoginProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // keys are SHA-256 hashes (64 characters whatever was sent): a flood of made-up names costs bounded memory
        this.entries = Caffeine.newBuilder()
                .maximumWeight(32L * 1024 * 1024)
                .weigher((String key, Object entry) -> key.length() * 2 + ENTRY_BYTES)
                .expireAfterAccess(limits.forgetAfter())
                .build();
        this.refusalsAudited = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(limits.forgetAfter())
                .build();
    }

    /**
     * Asks whether a password may be checked now for {@code email} from {@code address}; {@code
     * device} is the client's known-device id for this account, or null. When allowed, the attempt
     * is already counted as a failure; call {@link #succeeded} if the password was right.
     */
    synchronized Verdict begin(String email, String address, String device) {
        Instant now = clock.instant();
        List<Counter> counters = counters(email, address, device);
        Instant until = now;
        for (Counter counter : counters) {
            if (counter.waitUntil.isAfter(until)) {
                until = counter.waitUntil;
            }
        }
        if (until.isAfter(now)) {
            return new Verdict(Duration.between(now, until));
        }
        for (Counter counter : counters) {
            counter.failures++;
            if (counter.failures > counter.free) {
                counter.waitUntil = now.plus(delay(counter.failures - counter.free));
            }
        }
        return new Verdict(Duration.ZERO);
    }

    /** The password of an attempt {@link #begin} allowed was right: that attempt was no failure. */
    synchronized void succeeded(String email, String address, String device) {
        List<Counter> counters = counters(email, address, device);
        entries.invalidate(pairKey(email, address, device));
        // the shared counters give back this attempt only: the owner signing in must not wipe a guesser's count
        for (Counter counter : counters.subList(1, counters.size())) {
            counter.failures = Math.max(0, counter.failures - 1);
            if (counter.failures <= counter.free) {
                counter.waitUntil = Instant.EPOCH;
            }
        }
    }

    /** The owner proved themselves another way (a password reset): the account starts over. */
    synchronized void forgive(String email) {
        entries.invalidate(key("account", AccountService.normalise(email)));
        entries.asMap()
                .compute(
                        key("generation", AccountService.normalise(email)),
                        (k, old) -> old == null ? Long.valueOf(1) : Long.valueOf((Long) old + 1));
    }

    /** Whether {@code name} could be an account's e-mail address at all (short enough to be one). */
    static boolean plausible(String name) {
        return name == null || name.length() <= MAX_NAME;
    }

    /** How much the counters weigh now (for tests and health). */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /**
     * Counts one sign-up or reset request from {@code address}; false once the address has made
     * too many this hour (stops account spam and reset-link floods, one address at a time).
     */
    boolean request(String kind, String address) {
        int perHour = limits.requestsPerAddressHour();
        return ((Bucket) entries.get(
                        key(kind, address),
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perHour)
                                        .refillIntervally(perHour, Duration.ofHours(1))
                                        .build())
                                .build()))
                .tryConsume(1);
    }

    /**
     * Whether a refusal of {@code what} should be written to the audit log: the first in each
     * period is, the rest are not, so a guesser cannot flood the log.
     */
    boolean firstRefusal(String what) {
        return refusalsAudited.asMap().putIfAbsent(key("refused", what), Boolean.TRUE) == null;
    }

    /** The delay after the {@code n}th failure past the free ones: doubling from the first, capped. */
    Duration delay(int n) {
        Duration longest = limits.longestDelay();
        long factor = 1L << Math.min(n - 1, 40);
        Duration delay = limits.firstDelay().multipliedBy(factor);
        return delay.compareTo(longest) > 0 || delay.isNegative() ? longest : delay;
    }

    /** The counters an attempt is counted in: the pair first, then the shared ones it is subject to. */
    private List<Counter> counters(String email, String address, String device) {
        List<Counter> counters = new ArrayList<>(3);
        counters.add(counter(pairKey(email, address, device), limits.failuresBeforeDelay()));
        if (device == null) {
            counters.add(counter(key("account", AccountService.normalise(email)), limits.accountFailuresBeforeDelay()));
            counters.add(counter(key("address", address), limits.addressFailuresBeforeDelay()));
        }
        return counters;
    }

    private String pairKey(String email, String address, String device) {
        String account = AccountService.normalise(email);
        Object generation = entries.getIfPresent(key("generation", account));
        String client = device == null ? "address " + address : "device " + device;
        return key("pair", account + "\n" + client + "\n" + (generation == null ? 0 : generation));
    }

    private Counter counter(String key, int free) {
        return (Counter) entries.get(key, k -> new Counter(free));
    }

    private static String key(String kind, String counted) {
        return Hashes.sha256(kind + ":" + counted);
    }
}
