package app.almanac.practice;

/** How sure the learner was of an answer: with negative marking, guessing is a strategy worth seeing. */
public enum Confidence {
    SURE("sure", "Sure"),
    FIFTY_FIFTY("50-50", "50-50"),
    GUESS("guess", "Guess");

    public final String code;
    public final String label;

    Confidence(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The confidence named {@code code}, null for none; anything else is not a confidence. */
    static Confidence parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (Confidence c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new PracticeException("confidence", "The confidence must be sure, 50-50 or guess, not '" + code + "'.");
    }
}
