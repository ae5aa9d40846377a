package app.almanac.ingest.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a date at the start of a line, written the ways Indian publishers write them:
 * "26th February, 2024", "26 Feb 2024", "February 26, 2024", "26-02-2024", "26/02/2024",
 * "26.02.2024" and ISO "2024-02-26". Numeric dates are read day first, as publishers in India
 * write them.
 */
final class PublishedDates {

    /** What a scan for a date found: a date, a day that does not exist, or nothing. */
    sealed interface Scan permits Found, Impossible, NotFound {}

    /** A date, where it starts in the line scanned and where the rest of the line begins. */
    record Found(LocalDate date, int start, int end, String written) implements Scan {}

    /** Text written like a date that names a day that does not exist ("31st February 2024"). */
    record Impossible(String written) implements Scan {
        String message() {
            return "'" + written + "' is not a real date";
        }
    }

    /** No date. */
    enum NotFound implements Scan {
        NOTHING
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("^" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_DAY_FIRST = Pattern.compile("^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private PublishedDates() {}

    /** A date at the start of {@code line}. */
    static Scan atStart(String line) {
        return atStart(line, 0);
    }

    /**
     * The first date in {@code line} that starts a word ("Daily Current Affairs – 12th August 2021"), or the
     * first day that does not exist, whichever comes first.
     */
    static Scan in(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1))) {
                Scan scan = atStart(line.substring(i), i);
                if (!(scan instanceof NotFound)) {
                    return scan;
                }
            }
        }
        return NotFound.NOTHING;
    }

    /** A date at the start of {@code line}, which begins at {@code offset} of the line scanned. */
    private static Scan atStart(String line, int offset) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0)) && !startsWithMonth(line)) {
            return NotFound.NOTHING;
        }
        Matcher m = null;
        try {
            if ((m = DAY_MONTH_YEAR.matcher(line)).find()) {
                return found(
                        LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))), m, offset);
            }
            if ((m = MONTH_DAY_YEAR.matcher(line)).find()) {
                return found(
                        LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))), m, offset);
            }
            if ((m = NUMERIC_DAY_FIRST.matcher(line)).find()) {
                return found(
                        LocalDate.of(year(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1))),
                        m,
                        offset);
            }
            if ((m = ISO.matcher(line)).find()) {
                return found(
                        LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                        m,
                        offset);
            }
        } catch (DateTimeException e) {
            return new Impossible(m.group());
        }
        return NotFound.NOTHING;
    }

    /** Whether the line starts with the first three letters of a month's English name. */
    private static boolean startsWithMonth(String line) {
        if (line.length() < 3) {
            return false;
        }
        String key = "" + Character.toLowerCase(line.charAt(0)) + Character.toLowerCase(line.charAt(1))
                + Character.toLowerCase(line.charAt(2));
        return switch (key) {
            case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" -> true;
            default -> false;
        };
    }

    private static Scan found(LocalDate date, Matcher m, int offset) {
        return plausible(date) ? new Found(date, offset, offset + m.end(), m.group()) : NotFound.NOTHING;
    }

    private static int year(String digits) {
        return Integer.parseInt(digits);
    }

    /** A publication date is recent: "10 May 1857" at the start of a line is history, not a date line. */
    private static boolean plausible(LocalDate date) {
        return date.getYear() >= 1900 && date.getYear() <= 2200;
    }

    private static Month month(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).replace(".", "").substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new DateTimeException("no month " + name);
    }
}
