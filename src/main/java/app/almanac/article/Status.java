package app.almanac.article;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an article is in the editorial workflow, and where it may go from there. Readers, feeds
 * and search see only {@link #PUBLISHED}. The moves:
 *
 * <pre>
 * draft ──submit──► review ──publish──► published ──unpublish──► draft
 *   │                 │  ▲                  ▲
 *   │                 │  └──(back to draft) │
 *   └──publish / schedule──► scheduled ─────┘ (when due, or publish now; unpublish: back to draft)
 * </pre>
 */
public enum Status {
    DRAFT,
    REVIEW,
    SCHEDULED,
    PUBLISHED;

    /** Whether an article in this status may be moved to {@code next} (a schedule may be moved). */
    public boolean canMoveTo(Status next) {
        return moves().contains(next);
    }

    /** The statuses an article in this one may be moved to. */
    public Set<Status> moves() {
        return switch (this) {
            case DRAFT -> EnumSet.of(REVIEW, SCHEDULED, PUBLISHED);
            case REVIEW -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
            case SCHEDULED -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
            case PUBLISHED -> EnumSet.of(DRAFT);
        };
    }

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
