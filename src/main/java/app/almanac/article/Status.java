package app.almanac.article;

import java.util.Locale;

/** Where an article is in the editorial workflow. Readers, feeds and search see only {@link #PUBLISHED}. */
public enum Status {
    DRAFT,
    REVIEW,
    SCHEDULED,
    PUBLISHED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case REVIEW -> "In review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
        };
    }
}
