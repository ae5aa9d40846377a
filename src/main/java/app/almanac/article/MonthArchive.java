package app.almanac.article;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many analyses each day of a month has, for the archive calendar.
 *
 * @param previous the nearest earlier month with analyses, or null
 * @param next     the nearest later month with analyses, or null
 */
public record MonthArchive(YearMonth month, Map<LocalDate, Integer> counts, YearMonth previous, YearMonth next) {

    public int count(LocalDate day) {
        return counts.getOrDefault(day, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The month as calendar rows, Monday first; days outside the month are null. */
    public List<List<LocalDate>> weeks() {
        List<List<LocalDate>> weeks = new ArrayList<>();
        LocalDate first = month.atDay(1);
        LocalDate day = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        while (!day.isAfter(month.atEndOfMonth())) {
            List<LocalDate> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(YearMonth.from(day).equals(month) ? day : null);
            }
            weeks.add(week);
        }
        return weeks;
    }
}
