package app.almanac.article;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into URL names: lower case letters and digits of any script, joined by hyphens. */
final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {}

    static String of(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`]", "");
        String slug = folded.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
