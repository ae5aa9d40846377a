package app.almanac.article;

import app.almanac.shared.Hashes;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What makes two articles (or two question banks) the same: the date, if there is one, and the
 * title compared after Unicode normalisation, case folding and collapsing punctuation and spaces
 * (marks such as Devanagari vowel signs are kept, and nothing is cut short, unlike in the slug).
 * It also names the URL slugs the thing may take, in the order they are tried.
 *
 * @param date the publication date; null for a question bank, which has none
 * @param title the title as written
 */
public record ArticleIdentity(LocalDate date, String title) {

    /** The identity of an article's content. */
    public static ArticleIdentity of(ArticleContent content) {
        return new ArticleIdentity(content.date(), content.title());
    }

    /** The identity of a question bank: its title alone. */
    public static ArticleIdentity ofBank(String title) {
        return new ArticleIdentity(null, title);
    }

    /** The stored key: equal keys, same article. */
    public String key() {
        return (date == null ? "" : date + "/") + Hashes.sha256(normalisedTitle());
    }

    /** Whether a stored title names the same thing as this identity's (dates being equal). */
    boolean sameTitle(String otherTitle) {
        return normalisedTitle().equals(new ArticleIdentity(date, otherTitle).normalisedTitle());
    }

    /**
     * The slugs to try, best first: the title's slug; then, for a story told on several days, the
     * slug with the date (and -2, -3… after it); for a bank, the slug with -2, -3….
     */
    Stream<String> slugCandidates() {
        String base = Slugs.of(title);
        Stream<String> numbered = date == null
                ? Stream.iterate(2, n -> n + 1).map(n -> base + "-" + n)
                : Stream.concat(
                        Stream.of(base + "-" + date),
                        Stream.iterate(2, n -> n + 1).map(n -> base + "-" + date + "-" + n));
        return Stream.concat(Stream.of(base), numbered);
    }

    private String normalisedTitle() {
        return Normalizer.normalize(title, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`]", "")
                .replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ")
                .strip();
    }
}
