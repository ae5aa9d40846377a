package app.almanac.article;

/**
 * What saving an article did.
 *
 * @param article the article as stored now
 * @param outcome whether it was new, a new revision, or identical to what was stored
 */
public record SaveResult(Article article, Outcome outcome) {

    /** The three things a save can do. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
