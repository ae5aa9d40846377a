package app.almanac.desk;

import app.almanac.article.ArticlePage;
import app.almanac.article.Editorial;
import app.almanac.article.Revision;
import app.almanac.article.Status;
import app.almanac.practice.Reports;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The models of the desk's pages, one record per page. */
public final class DeskPages {

    private DeskPages() {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    /** A time as the desk shows it, in the desk's time zone. */
    public static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone)) + " " + zone.getId();
    }

    public record Home(Map<Status, List<Editorial>> lists, Map<Status, Integer> counts, String notice, ZoneId zone) {}

    /**
     * {@code /desk/new}: the paste form, with what was typed, why nothing was saved, and (after Explain,
     * or when the parser is unsure) how each line was read.
     */
    public record Paste(
            String text,
            String date,
            List<Problem> problems,
            String error,
            app.almanac.ingest.ParseExplanation explained) {

        public Paste(String text, List<Problem> problems, String error) {
            this(text, "", problems, error, null);
        }

        /** Whether the parser is unsure of something at line {@code number}. */
        public boolean unsureAt(int number) {
            return explained != null && explained.unsure().stream().anyMatch(d -> d.line() == number);
        }
    }

    /** {@code /desk/reports}: learners' open reports of flawed questions. */
    public record ReportQueue(List<Reports.Report> reports, String notice) {}

    /**
     * {@code /desk/review}: the stale-content review queue.
     *
     * @param status which items are listed: open, resolved or dismissed
     */
    public record ReviewPage(
            List<app.almanac.facts.ReviewQueue.Item> items,
            String status,
            long open,
            String notice,
            List<app.almanac.practice.ItemStats.Flagged> statistics,
            List<app.almanac.practice.ItemStats.QuizConsistency> quizzes) {

        public String percent(double x) {
            return Double.isNaN(x) ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", x);
        }
    }

    /**
     * The most one pasted or edited text may hold, in characters: about 25 long analyses. It is
     * the only limit an editor meets: the web server's form limit
     * ({@code server.tomcat.max-http-form-post-size}) is set above this many characters at their
     * largest (9 bytes each, URL-encoded UTF-8), so a text too long is refused here, with the
     * reason and the text kept, never cut off by the server.
     */
    public static final int MAX_TEXT = 1_000_000;

    /** {@link #MAX_TEXT} as the forms state it. */
    public static final String MAX_TEXT_STATED = "1,000,000 characters";

    /**
     * The editor. {@code base} is the revision the text was based on; {@code conflict} is set when a
     * save was refused because someone saved first: their version and the differences.
     */
    public record Edit(
            Editorial state,
            String markdown,
            int base,
            ArticlePage preview,
            List<Problem> problems,
            Conflict conflict,
            String notice,
            String error,
            ZoneId zone,
            app.almanac.facts.ContentFacts.Checks checks) {}

    public record Conflict(int theirRevision, String theirMarkdown, SideBySide diff) {}

    public record Preview(ArticlePage preview, List<Problem> problems) {}

    public record History(Editorial state, List<Revision> revisions, ZoneId zone) {}

    public record Diff(Editorial state, int from, int to, SideBySide diff) {}

    public record Questions(
            Editorial state,
            int base,
            List<String> snippets,
            int editing,
            String editingText,
            List<Problem> problems,
            String notice) {}
}
