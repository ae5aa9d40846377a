package app.almanac.practice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;

/** Marks as people read them: an exact fraction shown to two decimals ({@code 310/3} is 103.33). */
public final class Marks {

    private Marks() {}

    /** {@code 103.33}, {@code -0.67}, {@code 2} (no trailing zeros beyond what the value needs). */
    public static String decimal(BigFraction marks) {
        BigDecimal value = marks.bigDecimalValue(2, RoundingMode.HALF_UP.ordinal());
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** {@code 310/3}, or {@code 2} for a whole number. */
    public static String fraction(BigFraction marks) {
        BigFraction reduced = marks.reduce();
        return reduced.getDenominatorAsLong() == 1
                ? reduced.getNumerator().toString()
                : reduced.getNumerator() + "/" + reduced.getDenominator();
    }

    /** With its sign, as a result shows a question's marks: {@code +2}, {@code −0.67}, {@code 0}. */
    public static String signed(BigFraction marks) {
        String decimal = decimal(marks);
        return marks.compareTo(BigFraction.ZERO) > 0 ? "+" + decimal : decimal.replace("-", "−");
    }
}
