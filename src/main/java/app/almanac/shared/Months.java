package app.almanac.shared;

import java.time.DateTimeException;
import java.time.YearMonth;

/** Reads a month from a URL (2024-02): the archive's and the compilations' one rule. */
public final class Months {

    private Months() {}

    /**
     * The month {@code text} names; a text that is no month names nothing (404), and a month no
     * database date can hold (java.time reads {@code +999999999-12}) is refused (400).
     */
    public static YearMonth parse(String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeException e) {
            throw new NotFoundException("There is no month called '" + text + "'; months look like 2024-02.");
        }
        if (month.getYear() < 1000 || month.getYear() > 9999) {
            throw new BadRequestException("Months are from 1000-01 to 9999-12; '" + text + "' is not one.");
        }
        return month;
    }
}
