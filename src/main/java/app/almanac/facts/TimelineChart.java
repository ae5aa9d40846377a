package app.almanac.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of an entity as server-side SVG: one row per member, a bar per interval, statuses
 * told apart by pattern as well as colour (solid, hatched, outlined, dotted), so the chart reads
 * in print and without colour; events as marks on the axis; the as-of day as a line. Every text
 * is escaped here, because the page inserts the SVG as markup.
 */
final class TimelineChart {

    private static final int LEFT = 150;
    private static final int WIDTH = 720;
    private static final int ROW = 18;
    private static final int TOP = 24;

    private TimelineChart() {}

    static String svg(FactsService.Timeline timeline, LocalDate asOf, LocalDate today) {
        Map<String, List<StoredFact>> rows = new LinkedHashMap<>();
        timeline.memberships().stream()
                .sorted(Comparator.comparing((StoredFact f) ->
                        f.from() == null ? LocalDate.MIN : f.from().earliest()))
                .forEach(f -> rows.computeIfAbsent(f.subject().name(), k -> new ArrayList<>())
                        .add(f));
        LocalDate start = timeline.memberships().stream()
                .map(f -> f.from() == null ? null : f.from().earliest())
                .filter(d -> d != null)
                .min(LocalDate::compareTo)
                .orElse(today.minusYears(10));
        start = LocalDate.of(start.getYear(), 1, 1);
        LocalDate end = LocalDate.of(today.getYear() + 1, 1, 1);
        double span = end.toEpochDay() - start.toEpochDay();
        int height = TOP + rows.size() * ROW + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(LEFT + WIDTH + 10)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"timeline-title\">")
                .append("<title id=\"timeline-title\">Members of ")
                .append(escape(timeline.entity().name()))
                .append(" over time</title>")
                .append(
                        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append(
                        "<rect width=\"6\" height=\"6\" fill=\"#fde68a\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#92400e\" stroke-width=\"2\"/></pattern></defs>");
        for (int year = start.getYear(); year <= end.getYear(); year += step(span)) {
            double x = LEFT + WIDTH * (LocalDate.of(year, 1, 1).toEpochDay() - start.toEpochDay()) / span;
            svg.append("<line x1=\"")
                    .append(fmt(x))
                    .append("\" y1=\"")
                    .append(TOP - 6)
                    .append("\" x2=\"")
                    .append(fmt(x))
                    .append("\" y2=\"")
                    .append(height - 30)
                    .append("\" stroke=\"#ccc\" stroke-width=\"0.5\"/>")
                    .append("<text x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(TOP - 10)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">")
                    .append(year)
                    .append("</text>");
        }
        int r = 0;
        for (var row : rows.entrySet()) {
            int y = TOP + r * ROW;
            svg.append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#111\">")
                    .append(escape(row.getKey()))
                    .append("</text>");
            for (StoredFact f : row.getValue()) {
                LocalDate from = f.from() == null ? start : f.from().earliest();
                LocalDate to = f.to() == null ? today : f.to().earliest();
                double x1 = LEFT + WIDTH * (from.toEpochDay() - start.toEpochDay()) / span;
                double x2 = Math.max(x1 + 2, LEFT + WIDTH * (to.toEpochDay() - start.toEpochDay()) / span);
                svg.append("<rect x=\"")
                        .append(fmt(x1))
                        .append("\" y=\"")
                        .append(y + 2)
                        .append("\" width=\"")
                        .append(fmt(x2 - x1))
                        .append("\" height=\"")
                        .append(ROW - 6)
                        .append("\" ")
                        .append(look(f.status()))
                        .append(">")
                        .append("<title>")
                        .append(escape(row.getKey() + ": " + f.status().label() + ", " + text(f.from()) + " to "
                                + (f.to() == null ? "now" : f.to().text()) + (f.contested() ? " (contested)" : "")))
                        .append("</title></rect>");
            }
            r++;
        }
        double asOfX = LEFT + WIDTH * (asOf.toEpochDay() - start.toEpochDay()) / span;
        if (asOfX >= LEFT && asOfX <= LEFT + WIDTH) {
            svg.append("<line x1=\"")
                    .append(fmt(asOfX))
                    .append("\" y1=\"")
                    .append(TOP - 4)
                    .append("\" x2=\"")
                    .append(fmt(asOfX))
                    .append("\" y2=\"")
                    .append(height - 30)
                    .append("\" stroke=\"#b91c1c\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>");
        }
        for (StoredFact event : timeline.events()) {
            if (event.from() == null
                    || !event.predicate().equals("event") && !event.predicate().equals("founded")) {
                continue;
            }
            double x = LEFT + WIDTH * (event.from().earliest().toEpochDay() - start.toEpochDay()) / span;
            svg.append("<path d=\"M")
                    .append(fmt(x))
                    .append(' ')
                    .append(height - 26)
                    .append(" l-5 9 h10 z\" fill=\"#1d4ed8\">")
                    .append("<title>")
                    .append(escape(
                            event.from().text() + ": " + (event.value() == null ? event.predicate() : event.value())))
                    .append("</title></path>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** How each status is drawn: by colour and by pattern, so it is told apart without colour too. */
    static String look(FactStatus status) {
        return switch (status) {
            case FOUNDING_MEMBER, PERMANENT_MEMBER -> "fill=\"#1e3a8a\"";
            case MEMBER, ELECTED_MEMBER -> "fill=\"#3b82f6\"";
            case PARTICIPATION_FROZEN -> "fill=\"url(#hatch)\" stroke=\"#92400e\"";
            case SUSPENDED -> "fill=\"#fff\" stroke=\"#b91c1c\" stroke-width=\"2\" stroke-dasharray=\"5 3\"";
            case OBSERVER, DIALOGUE_PARTNER, PARTNER, ASSOCIATE_MEMBER ->
                "fill=\"#fff\" stroke=\"#15803d\" stroke-width=\"2\" stroke-dasharray=\"1 2\"";
            case INVITED, WITHDRAWN -> "fill=\"#e5e7eb\" stroke=\"#6b7280\"";
        };
    }

    private static int step(double days) {
        double years = days / 365;
        return years > 60 ? 10 : years > 25 ? 5 : years > 10 ? 2 : 1;
    }

    private static String text(Period p) {
        return p == null ? "the start" : p.text();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
