package app.almanac.practice;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * UPSC's marking, exactly: a right answer earns the scheme's marks, a wrong one loses its penalty
 * (a third of the marks), an unanswered one is 0, and marking more than one option is wrong
 * (unless the key itself has several). A question an editor dropped, or one without a key, is
 * not marked at all: it neither earns nor costs, whatever was answered.
 */
public final class Marking {

    /** What became of one answer. */
    public enum Outcome {
        RIGHT,
        WRONG,
        BLANK,
        NOT_MARKED
    }

    /** One answer marked. */
    public record Mark(Outcome outcome, BigFraction marks) {}

    private Marking() {}

    /**
     * @param key the right option labels (empty when the question has no key)
     * @param dropped whether an editor dropped the question
     * @param choice the labels the learner chose, as one string ("D", or "AC" for two), or null
     */
    public static Mark mark(List<String> key, boolean dropped, String choice, MarkingScheme scheme) {
        if (dropped || key.isEmpty()) {
            return new Mark(Outcome.NOT_MARKED, BigFraction.ZERO);
        }
        if (choice == null || choice.isBlank()) {
            return new Mark(Outcome.BLANK, BigFraction.ZERO);
        }
        Set<String> chosen = new TreeSet<>();
        choice.chars().forEach(c -> chosen.add(String.valueOf((char) c)));
        return chosen.equals(new TreeSet<>(key))
                ? new Mark(Outcome.RIGHT, scheme.right())
                : new Mark(Outcome.WRONG, scheme.penalty().negate());
    }
}
