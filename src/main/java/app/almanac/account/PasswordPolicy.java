package app.almanac.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password must be, as NIST SP 800-63B asks: long enough, not too long for bcrypt, and not
 * one an online guesser tries early. "Early" is judged by zxcvbn, which bundles lists of the most
 * common passwords, names and words, and sees repeats ({@code aaaaaaaaaa}), sequences
 * ({@code 1234567890}), keyboard walks and the account's own name and address. A password it
 * expects to fall within a million guesses (score 0 or 1) is refused; no composition rules.
 */
final class PasswordPolicy {

    /** zxcvbn's score 2: more than 10⁶ guesses, beyond what a throttled online attack gets through. */
    static final int MIN_SCORE = 2;

    // the dictionaries load once (about 0.1 s); measuring builds its own state, so one instance serves all threads
    private static final Zxcvbn STRENGTH = new Zxcvbn();

    private PasswordPolicy() {}

    /**
     * Refuses {@code password} for the form field {@code field}; {@code context} holds what an
     * attacker would try first for this account (its address, its name).
     */
    static void check(String field, String password, String... context) {
        if (password == null || password.codePointCount(0, password.length()) < 10) {
            throw new AccountException(field, "A password needs at least 10 characters.");
        }
        // bcrypt reads at most 72 bytes; checked before zxcvbn, whose work grows with the length
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new AccountException(field, "A password can have at most 72 bytes (about 64 characters).");
        }
        List<String> personal = new ArrayList<>(List.of("almanac", "upsc"));
        for (String hint : context) {
            if (hint != null && !hint.isBlank()) {
                personal.add(hint.strip());
                int at = hint.indexOf('@');
                if (at > 0) {
                    personal.add(hint.substring(0, at));
                }
            }
        }
        Strength strength = STRENGTH.measure(password, personal);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            throw new AccountException(
                    field,
                    "That password is among the first an attacker would try"
                            + (warning == null || warning.isBlank() ? "" : " (" + warning.replaceAll("\\.$", "") + ")")
                            + ". Choose another: three or four unrelated words are strong and easy to remember.");
        }
    }
}
