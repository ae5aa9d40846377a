package app.almanac.facts;

import java.util.Locale;

/**
 * The status of a membership-like fact, and whether it counts as membership: a frozen
 * participation does (the state is still a member), an invitation or a suspension does not.
 */
public enum FactStatus {
    MEMBER(true),
    FOUNDING_MEMBER(true),
    PERMANENT_MEMBER(true),
    ELECTED_MEMBER(true),
    PARTICIPATION_FROZEN(true),
    ASSOCIATE_MEMBER(false),
    OBSERVER(false),
    DIALOGUE_PARTNER(false),
    PARTNER(false),
    SUSPENDED(false),
    INVITED(false),
    WITHDRAWN(false);

    /** Whether a fact with this status makes its subject a member. */
    public final boolean countsAsMembership;

    FactStatus(boolean countsAsMembership) {
        this.countsAsMembership = countsAsMembership;
    }

    /** {@code participation-frozen}, as data files and JSON write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code participation frozen}, as people read it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The status written {@code code}, or null when there is none by that name. */
    public static FactStatus parse(String code) {
        if (code == null) {
            return null;
        }
        for (FactStatus s : values()) {
            if (s.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
