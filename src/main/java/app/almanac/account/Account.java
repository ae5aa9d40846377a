package app.almanac.account;

import java.time.Instant;

/** A user as the admin pages show it; never carries the password hash. */
public record Account(long id, String email, String displayName, Role role, boolean enabled, Instant createdAt) {}
