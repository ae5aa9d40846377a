package app.almanac.practice;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * How one paper is marked: the marks for a right answer and the marks taken away for a wrong one
 * (UPSC takes away a third of the question's marks), as exact fractions.
 *
 * @param name what the scheme is called ("GS", "CSAT")
 * @param right marks for a right answer
 * @param penalty marks taken away for a wrong answer (positive)
 */
public record MarkingScheme(String name, BigFraction right, BigFraction penalty) {

    /** General Studies Paper I (and the default): +2, −2/3. */
    public static final MarkingScheme GS = new MarkingScheme("GS", new BigFraction(2), new BigFraction(2, 3));

    /** CSAT (Paper II): +2.5, −5/6. */
    public static final MarkingScheme CSAT = new MarkingScheme("CSAT", new BigFraction(5, 2), new BigFraction(5, 6));

    /**
     * A scheme written as configuration: {@code "2 -2/3"} (right, then wrong, each a whole number,
     * a fraction or a decimal such as {@code 2.5}).
     */
    static MarkingScheme parse(String name, String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("marking scheme " + name
                    + ": expected the marks for right and wrong, such as '2 -2/3', not '" + text + "'");
        }
        BigFraction right = fraction(name, parts[0]);
        BigFraction wrong = fraction(name, parts[1]);
        return new MarkingScheme(name, right, wrong.abs());
    }

    private static BigFraction fraction(String name, String text) {
        try {
            if (text.contains("/")) {
                String[] nd = text.split("/", 2);
                return new BigFraction(new BigInteger(nd[0].strip()), new BigInteger(nd[1].strip()));
            }
            // 2.5 is 25/10: read from the digits, never through a double
            BigDecimal decimal = new BigDecimal(text).stripTrailingZeros();
            return decimal.scale() <= 0
                    ? new BigFraction(decimal.toBigIntegerExact())
                    : new BigFraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("marking scheme " + name + ": '" + text + "' is not a number", e);
        }
    }
}
