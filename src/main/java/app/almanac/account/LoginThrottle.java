package app.almanac.account;

import app.almanac.shared.Hashes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each failed sign-in takes a token from the account's bucket and from
 * the client address's bucket (bucket4j); when either is empty, sign-in is refused without even
 * checking the password until the bucket refills. The buckets live in this node's memory, so with
 * N app nodes behind a balancer a guesser gets at most N times the allowance.
 */
@Component
class LoginThrottle {

    /** The longest e-mail address there is (RFC 5321): anything longer is refused before it is kept. */
    static final int MAX_NAME = 320;

    /**
     * Buckets by the SHA-256 of what they count (so a key is 64 characters whatever was sent),
     * bounded by weight: a flood of made-up names costs a bounded amount of memory.
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((String key, Bucket bucket) -> key.length() * 2 + BUCKET_BYTES)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    /** About what one bucket and its cache entry take on the heap. */
    private static final int BUCKET_BYTES = 400;

    private final Cache<String, Boolean> refusalsAudited;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final int perAddressRequests;

    LoginThrottle(LoginProperties limits) {
        this.perAddressRequests = limits.requestsPerAddressHour();
        this.perAccount = limits.failuresPerAccount();
        this.perAddress = limits.failuresPerAddress();
        this.window = limits.window();
        this.refusalsAudited = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(limits.window())
                .build();
    }

    /** Whether another attempt may be checked now. */
    boolean allows(String email, String address) {
        return account(email).getAvailableTokens() > 0 && address(address).getAvailableTokens() > 0;
    }

    void failed(String email, String address) {
        account(email).tryConsume(1);
        address(address).tryConsume(1);
    }

    /** A correct password clears the account's failures (the address keeps its count). */
    void succeeded(String email) {
        buckets.invalidate(key("account:" + AccountService.normalise(email)));
    }

    /** Whether {@code name} could be an account's e-mail address at all (short enough to be one). */
    static boolean plausible(String name) {
        return name == null || name.length() <= MAX_NAME;
    }

    /** How much the buckets weigh now (for tests and health). */
    long weight() {
        buckets.cleanUp();
        return buckets.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /**
     * Counts one sign-up or reset request from {@code address}; false once the address has made
     * too many this hour (stops account spam and reset-link floods, one address at a time).
     */
    boolean request(String kind, String address) {
        return buckets.get(
                        key(kind + ":" + address),
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perAddressRequests)
                                        .refillIntervally(perAddressRequests, Duration.ofHours(1))
                                        .build())
                                .build())
                .tryConsume(1);
    }

    /**
     * Whether a refusal of {@code what} should be written to the audit log: the first in each
     * window is, the rest are counted into it, so a guesser cannot flood the log.
     */
    boolean firstRefusal(String what) {
        return refusalsAudited.asMap().putIfAbsent(key("refused:" + what), Boolean.TRUE) == null;
    }

    /** How long until a refused client may try again, in whole minutes. */
    long minutesToWait() {
        return Math.max(1, window.toMinutes());
    }

    private Bucket account(String email) {
        return buckets.get(key("account:" + AccountService.normalise(email)), k -> bucket(perAccount));
    }

    private Bucket address(String address) {
        return buckets.get(key("address:" + address), k -> bucket(perAddress));
    }

    private static String key(String counted) {
        return Hashes.sha256(counted);
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillIntervally(failures, window)
                        .build())
                .build();
    }
}
