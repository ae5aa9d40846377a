package app.almanac.account;

import app.almanac.account.ThrottleCounters.Change;
import app.almanac.account.ThrottleCounters.Count;
import app.almanac.shared.Hashes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * attempt is checked. Counters are keyed by hashes and kept in {@link ThrottleCounters}: this
 * node's memory on the embedded database, the database on PostgreSQL, so that the allowance holds
 * however many nodes a guesser's attempts are spread over.
 */
@Component
class LoginThrottle {

    /** The longest e-mail address there is (RFC 5321): anything longer is refused before it is kept. */
    static final int MAX_NAME = 320;

    /** What the throttle answers an attempt: go ahead ({@code delay} zero), or wait that long. */
    record Verdict(Duration delay) {
        static final Verdict GO = new Verdict(Duration.ZERO);

        boolean allowed() {
            return delay.isZero();
        }

        /** The wait in whole seconds, at least one, for Retry-After. */
        long seconds() {
            return Math.max(1, (delay.toMillis() + 999) / 1000);
        }
    }

    /** A counter an attempt is counted in, and how many failures it allows before a wait. */
    private record Counted(String key, int free) {}

    private final ThrottleCounters counters;
    private final Cache<String, Boolean> refusalsAudited;
    private final LoginProperties limits;
    private final Clock clock;

    LoginThrottle(LoginProperties limits, Clock clock, ThrottleCounters counters) {
        this.limits = limits;
        this.clock = clock;
        this.counters = counters;
        // which refusals were audited is this node's own: each node writes the first of a period
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
    Verdict begin(String email, String address, String device) {
        Instant now = clock.instant();
        List<Counted> counted = counted(email, address, device);
        return counters.update(keys(counted), counts -> {
            List<Count> current = current(counts, now);
            Instant until = now;
            for (Count count : current) {
                if (count.waitUntil().isAfter(until)) {
                    until = count.waitUntil();
                }
            }
            if (until.isAfter(now)) {
                return new Change<>(current, new Verdict(Duration.between(now, until)));
            }
            List<Count> next = new ArrayList<>(current.size());
            for (int i = 0; i < current.size(); i++) {
                int failures = current.get(i).failures() + 1;
                int past = failures - counted.get(i).free();
                next.add(new Count(
                        failures,
                        past > 0 ? now.plus(delay(past)) : current.get(i).waitUntil(),
                        now));
            }
            return new Change<>(next, Verdict.GO);
        });
    }

    /** The password of an attempt {@link #begin} allowed was right: that attempt was no failure. */
    void succeeded(String email, String address, String device) {
        Instant now = clock.instant();
        List<Counted> counted = counted(email, address, device);
        counters.update(keys(counted), counts -> {
            List<Count> current = current(counts, now);
            List<Count> next = new ArrayList<>(current.size());
            // the pair starts over; the shared counters give back this attempt only: the owner signing in
            // must not wipe a guesser's count
            next.add(new Count(0, Instant.EPOCH, now));
            for (int i = 1; i < current.size(); i++) {
                int failures = Math.max(0, current.get(i).failures() - 1);
                boolean free = failures <= counted.get(i).free();
                next.add(new Count(
                        failures, free ? Instant.EPOCH : current.get(i).waitUntil(), now));
            }
            return new Change<>(next, null);
        });
    }

    /** The owner proved themselves another way (a password reset): the account starts over. */
    void forgive(String email) {
        Instant now = clock.instant();
        String account = AccountService.normalise(email);
        counters.remove(key("account", account));
        // a new generation of pair counters: the old ones are no longer asked for
        counters.update(
                List.of(key("generation", account)),
                counts -> new Change<>(List.of(new Count(counts.get(0).failures() + 1, Instant.EPOCH, now)), null));
    }

    /** Whether {@code name} could be an account's e-mail address at all (short enough to be one). */
    static boolean plausible(String name) {
        return name == null || name.length() <= MAX_NAME;
    }

    /**
     * Counts one sign-up or reset request from {@code address}; false once the address has made
     * too many this hour (stops account spam and reset-link floods, one address at a time). A
     * window of an hour starts with an address's first request; the next request after it starts
     * a new one.
     */
    boolean request(String kind, String address) {
        Instant now = clock.instant();
        int perHour = limits.requestsPerAddressHour();
        return counters.update(List.of(key(kind, address)), counts -> {
            Count count = counts.get(0);
            if (!now.isBefore(count.waitUntil())) {
                count = new Count(0, now.plus(Duration.ofHours(1)), now);
            }
            boolean allowed = count.failures() < perHour;
            int requests = allowed ? count.failures() + 1 : count.failures();
            return new Change<>(List.of(new Count(requests, count.waitUntil(), now)), allowed);
        });
    }

    /**
     * Whether a refusal of {@code what} should be written to the audit log: the first in each
     * period is, the rest are not, so a guesser cannot flood the log.
     */
    boolean firstRefusal(String what) {
        return refusalsAudited.asMap().putIfAbsent(key("refused", what), Boolean.TRUE) == null;
    }

    /** Forgets counters nobody has counted in for {@code forget-after}; they would start over anyway. */
    void forgetOld() {
        counters.forgetBefore(clock.instant().minus(limits.forgetAfter()));
    }

    /** The delay after the {@code n}th failure past the free ones: doubling from the first, capped. */
    Duration delay(int n) {
        Duration longest = limits.longestDelay();
        long factor = 1L << Math.min(n - 1, 40);
        Duration delay = limits.firstDelay().multipliedBy(factor);
        return delay.compareTo(longest) > 0 || delay.isNegative() ? longest : delay;
    }

    /** The counters an attempt is counted in: the pair first, then the shared ones it is subject to. */
    private List<Counted> counted(String email, String address, String device) {
        String account = AccountService.normalise(email);
        List<Counted> counted = new ArrayList<>(3);
        counted.add(new Counted(pairKey(account, address, device), limits.failuresBeforeDelay()));
        if (device == null) {
            counted.add(new Counted(key("account", account), limits.accountFailuresBeforeDelay()));
            counted.add(new Counted(key("address", address), limits.addressFailuresBeforeDelay()));
        }
        return counted;
    }

    /** A counter left alone for {@code forget-after} starts over, whichever store keeps it. */
    private List<Count> current(List<Count> counts, Instant now) {
        Instant stale = now.minus(limits.forgetAfter());
        return counts.stream()
                .map(c -> c.touched().isBefore(stale) ? Count.FRESH : c)
                .toList();
    }

    private static List<String> keys(List<Counted> counted) {
        return counted.stream().map(Counted::key).toList();
    }

    private String pairKey(String account, String address, String device) {
        int generation = counters.read(key("generation", account)).failures();
        String client = device == null ? "address " + address : "device " + device;
        return key("pair", account + "\n" + client + "\n" + generation);
    }

    private static String key(String kind, String counted) {
        return Hashes.sha256(kind + ":" + counted);
    }
}
