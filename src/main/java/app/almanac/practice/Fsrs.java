package app.almanac.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FSRS-6, the Free Spaced Repetition Scheduler, as pure arithmetic on days.
 *
 * <p>FSRS models a learner's memory of one item with two numbers: <em>stability</em> S, the number of
 * days after which the chance of recalling it has fallen to 90%, and <em>difficulty</em> D in [1, 10],
 * how hard it is to raise S. The chance of recall t days after a review, the <em>retrievability</em>,
 * follows a power forgetting curve {@code R(t, S) = (1 + factor * t / S) ^ decay}; FSRS-6 makes the
 * decay trainable ({@code decay = -w20}) and picks {@code factor = 0.9 ^ (1 / decay) - 1} so that
 * {@code R(S, S) = 0.9} whatever the decay. Each review's rating (again, hard, good, easy) moves D and
 * S by formulas with 21 trained weights w0..w20; the next review is scheduled when R is expected to
 * reach the desired retention. The formulas are those published in
 * <a href="https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm">The Algorithm</a>
 * and implemented by fsrs-rs (which Anki uses), ts-fsrs and py-fsrs; where the three differ this
 * class follows fsrs-rs, and says so.
 *
 * <p>Almanac reviews are day-granular, so there are no minute learning steps here: a card is either
 * new, reviewed again on the same day (elapsed days below 1, see {@link #next}), or reviewed on a
 * later day. Fuzz is left to the caller, so the same inputs always give the same interval.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class Fsrs {

    /** The FSRS-6 default weights w0..w20, as fsrs-rs, ts-fsrs and py-fsrs ship them. */
    private static final double[] DEFAULT_PARAMETERS = {
        0.212, 1.2931, 2.3065, 8.2956, // w0..w3: initial stability for again, hard, good, easy
        6.4133, 0.8334, // w4, w5: initial difficulty
        3.0194, 0.001, // w6: difficulty step per grade, w7: mean reversion weight
        1.8722, 0.1666, 0.796, // w8..w10: stability after success
        1.4835, 0.0614, 0.2629, 1.6483, // w11..w14: stability after a lapse
        0.6014, 1.8729, // w15: hard penalty, w16: easy bonus
        0.5425, 0.0912, 0.0658, // w17..w19: same-day (short-term) stability
        0.1542, // w20: decay of the forgetting curve
    };

    /*
     * The ranges the reference optimisers clip trained weights to (py-fsrs validates against the same
     * table, fsrs-rs and ts-fsrs clamp to it). Weights outside them are not a model FSRS can have
     * produced, and some would break the arithmetic: w20 = 0 divides by zero, a negative w0..w3
     * gives a negative stability.
     */
    private static final double[] LOWER_BOUNDS = {
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0,
        0.0, 0.0, 0.1,
    };
    private static final double[] UPPER_BOUNDS = {
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8,
        0.8,
    };

    static final int PARAMETER_COUNT = 21;
    static final double DEFAULT_DESIRED_RETENTION = 0.9;
    static final int DEFAULT_MAXIMUM_INTERVAL = 36500;

    /** Stability is kept in [0.001, 36500] days, as fsrs-rs does, so no review can zero it or overflow it. */
    static final double MIN_STABILITY = 0.001;

    static final double MAX_STABILITY = 36500.0;
    static final double MIN_DIFFICULTY = 1.0;
    static final double MAX_DIFFICULTY = 10.0;

    /** How well the learner recalled the item; {@link #value} is the grade G the formulas use. */
    enum Rating {
        AGAIN(1),
        HARD(2),
        GOOD(3),
        EASY(4);

        final int value;

        Rating(int value) {
            this.value = value;
        }

        /** The rating with grade {@code value}, 1 to 4. */
        static Rating of(int value) {
            for (Rating r : values()) {
                if (r.value == value) {
                    return r;
                }
            }
            throw new IllegalArgumentException("A rating is 1 (again) to 4 (easy), not " + value + ".");
        }
    }

    /** An item's memory state: stability in days and difficulty in [1, 10]. */
    record Memory(double stability, double difficulty) {
        Memory {
            if (!(stability > 0) || Double.isInfinite(stability)) {
                throw new IllegalArgumentException(
                        "Stability must be a positive number of days, not " + stability + ".");
            }
            if (!Double.isFinite(difficulty)) {
                throw new IllegalArgumentException("Difficulty must be a finite number, not " + difficulty + ".");
            }
        }
    }

    /** The memory state a rating would lead to, and the whole days until the next review it implies. */
    record ItemState(Memory memory, int intervalDays) {}

    /** What each of the four ratings would do to an item, like fsrs-rs {@code next_states}. */
    record NextStates(ItemState again, ItemState hard, ItemState good, ItemState easy) {
        ItemState of(Rating rating) {
            return switch (rating) {
                case AGAIN -> again;
                case HARD -> hard;
                case GOOD -> good;
                case EASY -> easy;
            };
        }
    }

    private final double[] w;
    private final double desiredRetention;
    private final int maximumInterval;
    private final double decay;
    private final double factor;

    /** FSRS-6 with the default weights, 90% desired retention and a 36500-day maximum interval. */
    Fsrs() {
        this(DEFAULT_PARAMETERS, DEFAULT_DESIRED_RETENTION, DEFAULT_MAXIMUM_INTERVAL);
    }

    /**
     * FSRS-6 with trained weights.
     *
     * @param parameters the 21 weights w0..w20, each within the range the reference optimisers allow
     * @param desiredRetention the chance of recall to schedule reviews at, strictly between 0 and 1
     * @param maximumInterval the longest interval to schedule, in days, at least 1
     */
    Fsrs(double[] parameters, double desiredRetention, int maximumInterval) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.length != PARAMETER_COUNT) {
            throw new IllegalArgumentException(
                    "FSRS-6 takes " + PARAMETER_COUNT + " parameters, not " + parameters.length + ".");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < PARAMETER_COUNT; i++) {
            double p = parameters[i];
            // The negated comparison also catches NaN.
            if (!(p >= LOWER_BOUNDS[i] && p <= UPPER_BOUNDS[i])) {
                problems.add("w" + i + " = " + p + " is outside [" + LOWER_BOUNDS[i] + ", " + UPPER_BOUNDS[i] + "]");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid FSRS parameters: " + String.join("; ", problems) + ".");
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException(
                    "Desired retention must be strictly between 0 and 1, not " + desiredRetention + ".");
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException(
                    "The maximum interval must be at least 1 day, not " + maximumInterval + ".");
        }
        this.w = parameters.clone();
        this.desiredRetention = desiredRetention;
        this.maximumInterval = maximumInterval;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1.0 / decay) - 1.0;
    }

    /** A copy of the default FSRS-6 weights, to start custom parameters from. */
    static double[] defaultParameters() {
        return DEFAULT_PARAMETERS.clone();
    }

    /** A copy of this scheduler's weights w0..w20. */
    double[] parameters() {
        return w.clone();
    }

    double desiredRetention() {
        return desiredRetention;
    }

    int maximumInterval() {
        return maximumInterval;
    }

    /** The forgetting curve's exponent, {@code -w20}. */
    double decay() {
        return decay;
    }

    /** The forgetting curve's scale, {@code 0.9 ^ (1 / decay) - 1}, which makes R = 0.9 at t = S. */
    double factor() {
        return factor;
    }

    /** The chance of recall {@code elapsedDays} after the last review: {@code (1 + factor * t / S) ^ decay}. */
    double retrievability(double elapsedDays, double stability) {
        requireElapsed(elapsedDays);
        requireStability(stability);
        return Math.pow(1.0 + factor * elapsedDays / stability, decay);
    }

    /** S0(G) = w[G-1]: a new item's stability is one trained weight per first rating. */
    double initialStability(Rating rating) {
        return clampStability(w[rating.value - 1]);
    }

    /** D0(G) = w4 - e^(w5 (G - 1)) + 1, clamped to [1, 10]. */
    double initialDifficulty(Rating rating) {
        return clampDifficulty(rawInitialDifficulty(rating));
    }

    /*
     * Unclamped, because mean reversion pulls toward D0(easy) as the formula gives it: with the default
     * weights that is about -4.8, and clamping it to 1 first would change every difficulty (all three
     * reference implementations use the unclamped value).
     */
    private double rawInitialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.value - 1)) + 1.0;
    }

    /**
     * D' after a review: a step of {@code -w6 (G - 3)}, damped linearly by {@code (10 - D) / 9} so
     * difficulty approaches 10 ever more slowly, then mean reversion {@code w7 D0(easy) + (1 - w7) D''}
     * so an item does not stay at its extreme forever; clamped to [1, 10].
     */
    double nextDifficulty(double difficulty, Rating rating) {
        double d = clampDifficulty(difficulty);
        double delta = -w[6] * (rating.value - 3);
        double damped = d + delta * (10.0 - d) / 9.0;
        double reverted = w[7] * rawInitialDifficulty(Rating.EASY) + (1.0 - w[7]) * damped;
        return clampDifficulty(reverted);
    }

    /**
     * S' after a successful review on a later day:
     * {@code S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) penalty bonus)}, where a hard rating
     * multiplies the increase by w15 and an easy one by w16. The increase is larger for easier items,
     * smaller for already stable ones, and larger the more the item had been forgotten.
     */
    double stabilityAfterSuccess(double difficulty, double stability, double retrievability, Rating rating) {
        if (rating == Rating.AGAIN) {
            throw new IllegalArgumentException("Again is a lapse, not a success: use stabilityAfterFailure.");
        }
        double d = clampDifficulty(difficulty);
        double s = clampStability(stability);
        double hardPenalty = rating == Rating.HARD ? w[15] : 1.0;
        double easyBonus = rating == Rating.EASY ? w[16] : 1.0;
        double increase = Math.exp(w[8])
                * (11.0 - d)
                * Math.pow(s, -w[9])
                * (Math.exp((1.0 - retrievability) * w[10]) - 1.0)
                * hardPenalty
                * easyBonus;
        return clampStability(s * (1.0 + increase));
    }

    /**
     * S' after a lapse (again) on a later day: {@code w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R))},
     * but no more than {@code S / e^(w17 w18)}. The cap is FSRS-6's (fsrs-rs, py-fsrs; ts-fsrs with
     * short-term scheduling on): it is what a same-day again would leave, so forgetting can never
     * raise stability.
     */
    double stabilityAfterFailure(double difficulty, double stability, double retrievability) {
        double d = clampDifficulty(difficulty);
        double s = clampStability(stability);
        double longTerm = w[11]
                * Math.pow(d, -w[12])
                * (Math.pow(s + 1.0, w[13]) - 1.0)
                * Math.exp((1.0 - retrievability) * w[14]);
        double shortTermCap = s / Math.exp(w[17] * w[18]);
        return clampStability(Math.min(longTerm, shortTermCap));
    }

    /**
     * S' after a review on the same day: {@code S e^(w17 (G - 3 + w18)) S^-w19}. For hard, good and easy
     * the multiplier is floored at 1, so passing a same-day review never lowers stability; again may.
     * The floor covers hard as in fsrs-rs ("Non-decreasing SInc(Hard) in same-day reviews", #376) and
     * ts-fsrs; py-fsrs 6.3.1 floored only good and easy, and later followed fsrs-rs.
     */
    double shortTermStability(double stability, Rating rating) {
        double s = clampStability(stability);
        double increase = Math.exp(w[17] * (rating.value - 3 + w[18])) * Math.pow(s, -w[19]);
        if (rating != Rating.AGAIN) {
            increase = Math.max(increase, 1.0);
        }
        return clampStability(s * increase);
    }

    /** The interval, in whole days, after which recall is expected to fall to the desired retention. */
    int nextInterval(double stability) {
        return nextInterval(stability, desiredRetention);
    }

    /**
     * The interval, in whole days, after which recall is expected to fall to {@code retention}: the
     * forgetting curve solved for t, {@code S / factor * (retention^(1 / decay) - 1)}, rounded to the
     * nearest day (half up, as ts-fsrs and fsrs-rs round; py-fsrs rounds half to even, which differs
     * only on exact halves) and kept within [1, maximum interval].
     *
     * @param retention in (0, 1]; 1 asks for an immediate review, which still means the next day
     */
    int nextInterval(double stability, double retention) {
        requireStability(stability);
        if (!(retention > 0 && retention <= 1)) {
            throw new IllegalArgumentException("Retention must be in (0, 1], not " + retention + ".");
        }
        double days = stability / factor * (Math.pow(retention, 1.0 / decay) - 1.0);
        long rounded = Math.round(days);
        return (int) Math.max(1L, Math.min(rounded, (long) maximumInterval));
    }

    /**
     * The memory state after reviewing an item.
     *
     * <p>A new item ({@code current} null) takes the initial stability and difficulty for its first
     * rating; {@code elapsedDays} is then ignored.
     *
     * <p>Same-day rule: a review less than one day after the last ({@code elapsedDays < 1}) is a
     * same-day review. Its stability comes from {@link #shortTermStability}, not from the forgetting
     * curve, because within a day R is still close to 1 and the long-term formulas would predict
     * almost no change; the short-term weights w17..w19 were trained on exactly such reviews.
     * Difficulty is still updated with {@link #nextDifficulty}, as every reference does (fsrs-rs and
     * hence Anki for {@code delta_t == 0}, ts-fsrs for {@code t === 0}, py-fsrs for a gap of under a
     * whole day). The threshold is "under one day" rather than "exactly zero" so a fractional gap
     * from a caller means the same as py-fsrs's whole-day count; for Almanac's whole-day gaps the
     * two agree.
     *
     * <p>Otherwise the retrievability at {@code elapsedDays} feeds {@link #stabilityAfterFailure} for
     * again or {@link #stabilityAfterSuccess} for the others.
     */
    Memory next(Memory current, double elapsedDays, Rating rating) {
        Objects.requireNonNull(rating, "rating");
        if (current == null) {
            return new Memory(initialStability(rating), initialDifficulty(rating));
        }
        requireElapsed(elapsedDays);
        // Clamped first, as fsrs-rs does, so a state stored by another implementation still works.
        double s = clampStability(current.stability());
        double d = clampDifficulty(current.difficulty());
        double stability;
        if (elapsedDays < 1) {
            stability = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            stability =
                    rating == Rating.AGAIN ? stabilityAfterFailure(d, s, r) : stabilityAfterSuccess(d, s, r, rating);
        }
        return new Memory(stability, nextDifficulty(d, rating));
    }

    /**
     * What each rating would do to an item reviewed {@code elapsedDays} after its last review (or a
     * new item, {@code current} null), with the interval each implies at the desired retention. The
     * intervals are not forced apart (again &lt; hard &lt; good &lt; easy); a scheduler that wants that
     * ordering, as ts-fsrs's and Anki's do, applies it on top.
     */
    NextStates nextStates(Memory current, double elapsedDays) {
        return new NextStates(
                itemState(current, elapsedDays, Rating.AGAIN),
                itemState(current, elapsedDays, Rating.HARD),
                itemState(current, elapsedDays, Rating.GOOD),
                itemState(current, elapsedDays, Rating.EASY));
    }

    private ItemState itemState(Memory current, double elapsedDays, Rating rating) {
        Memory memory = next(current, elapsedDays, rating);
        return new ItemState(memory, nextInterval(memory.stability()));
    }

    private static double clampStability(double stability) {
        return Math.min(Math.max(stability, MIN_STABILITY), MAX_STABILITY);
    }

    private static double clampDifficulty(double difficulty) {
        return Math.min(Math.max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }

    private static void requireElapsed(double elapsedDays) {
        if (!(elapsedDays >= 0) || Double.isInfinite(elapsedDays)) {
            throw new IllegalArgumentException(
                    "Elapsed days must be a finite number of at least 0, not " + elapsedDays + ".");
        }
    }

    private static void requireStability(double stability) {
        if (!(stability > 0) || Double.isInfinite(stability)) {
            throw new IllegalArgumentException("Stability must be a positive number of days, not " + stability + ".");
        }
    }
}
