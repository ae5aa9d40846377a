package app.almanac.practice;

import app.almanac.article.StoredQuestion;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A submitted attempt marked: the score as an exact fraction, the counts, how each confidence
 * level paid, the breakdown by paper, the rank among everyone's attempts at the same quiz, and
 * every question for review.
 *
 * @param rank 1 for the best score among the same quiz's attempts (ties share a rank), or 0
 * @param of how many attempts the rank is among, or 0
 * @param percentile the share of those attempts this one scored above or level with, 0–100
 */
public record Result(
        Attempt attempt,
        BigFraction score,
        int right,
        int wrong,
        int blank,
        int notMarked,
        Map<String, Tally> byConfidence,
        Map<String, Tally> byPaper,
        Map<String, Tally> byTopic,
        int rank,
        int of,
        int percentile,
        List<Item> items) {

    /** How a group of answers did: how many, how many right, and the marks they earned. */
    public record Tally(int answered, int right, BigFraction marks) {}

    /** One question as reviewed. */
    public record Item(
            int number,
            StoredQuestion question,
            QuestionType type,
            Attempt.Answer answer,
            Marking.Outcome outcome,
            BigFraction marks) {}

    public String scoreText() {
        return Marks.decimal(score);
    }

    public String scoreFraction() {
        return Marks.fraction(score);
    }

    /** Right answers among the answered, in per cent (0 when nothing was answered). */
    public int accuracy() {
        return right + wrong == 0 ? 0 : Math.round(100f * right / (right + wrong));
    }
}
