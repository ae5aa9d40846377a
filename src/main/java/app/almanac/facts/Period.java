package app.almanac.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a fact's interval, as precise as its source: a year ({@code 1992}), a month
 * ({@code 1992-05}) or a day ({@code 1992-05-15}). A year-only date does not pretend to be
 * 1 January: it is the whole year, from {@link #earliest} (its first day) to {@link #latest} (the
 * first day after it).
 *
 * @param text the date as given
 */
public record Period(String text, LocalDate earliest, LocalDate latest) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** The period {@code text} names; refused with the reason when it is not a real date. */
    public static Period parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) == null) {
                return new Period(text.strip(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new Period(
                        text.strip(), month.atDay(1), month.plusMonths(1).atDay(1));
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return new Period(text.strip(), day, day.plusDays(1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date that exists", e);
        }
    }

    /** Whether the period is a single day. */
    public boolean exact() {
        return latest.equals(earliest.plusDays(1));
    }
}
