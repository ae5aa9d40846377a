package app.almanac.account;

import java.util.Locale;
import java.util.Optional;

/** What a user may do. Each role includes the ones below it (see {@link SecurityConfiguration#roleHierarchy}). */
public enum Role {
    /** Reads, practises and keeps private notes and bookmarks. Everyone who signs up. */
    LEARNER,
    /** Brings articles in, corrects, schedules and publishes them. */
    EDITOR,
    /** Manages users and roles, reads the audit log and the health page. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} ("editor", "ADMIN"…), if there is one. */
    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
