package app.almanac.practice;

import app.almanac.article.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The order a question's options are shown in within one attempt. A shuffled order keeps the
 * labels in place ((a), (b), (c), (d) from the top) and moves the texts, so the learner sees an
 * ordinary question; choices are translated back to the question's own labels before they are
 * stored and marked. Options are shuffled only when none refers to another or to the statements
 * ("Both 1 and 2", "All of the above", "(a) and (c)"), whose meaning depends on where they stand.
 *
 * @param labels the question's own labels in the order shown, or empty for the natural order
 */
record OptionOrder(String labels) {

    static final OptionOrder NATURAL = new OptionOrder("");

    private static final Pattern REFERS = Pattern.compile(
            "(?i)\\b(both|neither|all|none|above|below|only|either)\\b|\\d|\\([a-z]\\)|\\b[a-d]\\b\\s*(and|or|,)");

    /** Whether {@code q}'s options may be reordered without changing what they say. */
    static boolean shufflable(Question q) {
        return q.options().size() > 1
                && q.statements().isEmpty()
                && q.pairs() == null
                && q.options().stream().noneMatch(o -> REFERS.matcher(o.text()).find())
                && q.options().stream().allMatch(o -> o.label().length() == 1);
    }

    /** A random order for {@code q}, or the natural one when its options must stay where they are. */
    static OptionOrder shuffled(Question q, Random random) {
        if (!shufflable(q)) {
            return NATURAL;
        }
        List<String> labels =
                new ArrayList<>(q.options().stream().map(Question.Option::label).toList());
        Collections.shuffle(labels, random);
        return new OptionOrder(String.join("", labels));
    }

    /** The question as shown: the options' texts in this order, under the labels in their usual order. */
    Question shown(Question q) {
        if (labels.isEmpty()) {
            return q;
        }
        List<Question.Option> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            String own = String.valueOf(labels.charAt(i));
            String text = q.options().stream()
                    .filter(o -> o.label().equals(own))
                    .findFirst()
                    .orElseThrow()
                    .text();
            options.add(new Question.Option(q.options().get(i).label(), text));
        }
        List<String> key = q.answer().stream().map(k -> toShown(q, k)).sorted().toList();
        return new Question(q.stem(), q.statements(), q.pairs(), options, key, q.explanation());
    }

    /** Shown labels ("A", "AC") to the question's own, sorted; null stays null. */
    String toOwn(Question q, String shown) {
        if (labels.isEmpty() || shown == null) {
            return shown;
        }
        StringBuilder own = new StringBuilder();
        for (char c : shown.toCharArray()) {
            int i = position(q, String.valueOf(c));
            own.append(i < 0 ? c : labels.charAt(i));
        }
        return sorted(own.toString());
    }

    /** The question's own labels to the ones shown; null stays null. */
    String toShown(Question q, String own) {
        if (labels.isEmpty() || own == null) {
            return own;
        }
        StringBuilder shown = new StringBuilder();
        for (char c : own.toCharArray()) {
            int i = labels.indexOf(c);
            shown.append(i < 0 ? c : q.options().get(i).label().charAt(0));
        }
        return sorted(shown.toString());
    }

    private static int position(Question q, String label) {
        for (int i = 0; i < q.options().size(); i++) {
            if (q.options().get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }

    private static String sorted(String labels) {
        StringBuilder out = new StringBuilder();
        labels.toUpperCase(Locale.ROOT).chars().sorted().distinct().forEach(c -> out.append((char) c));
        return out.toString();
    }
}
