package app.almanac.article;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The models of the reading pages: a day's digest, a month's archive, a list, the topics index. */
public final class ReadingPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private ReadingPages() {}

    /** "Monday 26 February 2024". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "26 February 2024". */
    public static String shortDay(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    /** "February 2024". */
    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** A day's digest; {@code home} when it is the front page. */
    public record DigestPage(Digest digest, boolean home) {}

    public record MonthPage(MonthArchive archive) {}

    public record ListingPage(Listing listing) {}

    public record TopicsPage(List<ArticleService.Topic> categories) {}

    /** The article page's lists below the article. */
    public record Around(List<ArticleSummary> related, List<ArticleSummary> earlier) {}
}
