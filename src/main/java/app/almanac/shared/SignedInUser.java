package app.almanac.shared;

/**
 * What any feature may know about the person signed in: the id its private records are keyed by
 * and the name to greet them with. The {@code account} feature supplies it as the security principal.
 */
public interface SignedInUser {

    long id();

    String displayName();
}
