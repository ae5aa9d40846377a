package app.almanac.practice;

import app.almanac.article.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One learner's go at a quiz: its questions in order with the answers so far, its deadline kept by
 * the server, and (once submitted) how it was submitted.
 *
 * @param kind daily, topic, custom, mistakes or mock
 * @param quizKey what attempts of the same quiz share ({@code daily:2024-02-26}), or null
 * @param scheme the marking scheme's name
 * @param submittedBy {@code learner} or {@code timeout}, or null while open
 */
public record Attempt(
        long id,
        Long userId,
        String visitor,
        String kind,
        String title,
        String quizKey,
        String scheme,
        Instant startedAt,
        Instant deadline,
        Instant submittedAt,
        String submittedBy,
        List<Answer> answers) {

    /**
     * One question of the attempt and the learner's answer to it.
     *
     * @param position 0-based place in the attempt
     * @param choice the labels chosen ("D"), or null
     * @param marked marked for review
     * @param visited the learner has seen it
     * @param firstChoice the first answer given, or null
     * @param remarked its marks changed after submission
     * @param seconds the time the learner spent on it
     * @param optionOrder the question's own option labels in the order shown, or empty (see {@link OptionOrder})
     */
    public record Answer(
            int position,
            long questionId,
            String choice,
            Confidence confidence,
            boolean marked,
            boolean visited,
            String firstChoice,
            boolean remarked,
            int seconds,
            String optionOrder) {

        /** This answer as the learner saw it: choices in the labels shown. */
        Answer shown(Question q) {
            OptionOrder order = new OptionOrder(optionOrder == null ? "" : optionOrder);
            return new Answer(
                    position,
                    questionId,
                    order.toShown(q, choice),
                    confidence,
                    marked,
                    visited,
                    order.toShown(q, firstChoice),
                    remarked,
                    seconds,
                    optionOrder);
        }

        public boolean answered() {
            return choice != null && !choice.isEmpty();
        }
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Time left at {@code now}, never negative. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public long answeredCount() {
        return answers.stream().filter(Answer::answered).count();
    }
}
