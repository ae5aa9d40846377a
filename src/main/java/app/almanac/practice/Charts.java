package app.almanac.practice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Small server-side SVG charts for the progress dashboard. Colours come from the site's style sheet
 * through classes (so they follow light and dark mode); the series colour is the accent and the
 * comparison a dashed line, never colour alone, so the charts read for colour-blind readers too.
 * Each chart has a title and description for screen readers, and the page puts a table beside it.
 */
final class Charts {

    /** One labelled value; {@code note} is shown in the bar's tooltip. */
    record Point(String label, double value, String note) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int LEFT = 40;
    private static final int BOTTOM = 24;

    private Charts() {}

    /**
     * A line of percentages (accuracy over time), with a dashed reference line (e.g. 33%, the break-even
     * accuracy under UPSC's negative marking for a blind guess among four).
     */
    static String line(String id, String title, List<Point> points, double reference, String referenceLabel) {
        StringBuilder svg = open(id, title, HEIGHT);
        axes(svg, 100, "%");
        int n = points.size();
        double step = n <= 1 ? 0 : (WIDTH - LEFT - 10) / (double) (n - 1);
        double refY = y(reference, 100);
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"reference\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                        + "<text class=\"axis\" x=\"%d\" y=\"%.1f\">%s</text>",
                LEFT,
                refY,
                WIDTH - 10,
                refY,
                WIDTH - 150,
                refY - 4,
                esc(referenceLabel)));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = LEFT + (n == 1 ? (WIDTH - LEFT) / 2.0 : i * step);
            double yy = y(points.get(i).value(), 100);
            path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, yy));
        }
        if (n > 1) {
            svg.append("<path class=\"series\" d=\"")
                    .append(path.toString().strip())
                    .append("\"/>");
        }
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = LEFT + (n == 1 ? (WIDTH - LEFT) / 2.0 : i * step);
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s: %s</title></circle>",
                    x,
                    y(p.value(), 100),
                    esc(p.label()),
                    esc(p.note())));
            if (i == 0 || i == n - 1 || n <= 8 || i % Math.max(1, n / 6) == 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x,
                        HEIGHT - 6,
                        esc(p.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical columns of counts (the reviews due per day), labelled every few columns. */
    static String columns(String id, String title, List<Point> points) {
        StringBuilder svg = open(id, title, HEIGHT);
        double max = Math.max(1, points.stream().mapToDouble(Point::value).max().orElse(1));
        axes(svg, max, "");
        int n = Math.max(1, points.size());
        double w = (WIDTH - LEFT - 10) / (double) n;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + i * w;
            double top = y(p.value(), max);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>",
                    x + w * 0.1,
                    top,
                    Math.max(1, w * 0.8),
                    y(0, max) - top,
                    esc(p.label()),
                    esc(p.note())));
            if (i == 0 || i == points.size() - 1 || i % Math.max(1, n / 6) == 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + w / 2,
                        HEIGHT - 6,
                        esc(p.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars of percentages (accuracy by topic, calibration by confidence), each labelled with
     * its value in text; an optional dashed mark per bar shows what it is compared with.
     */
    static String bars(String id, String title, List<Point> points, Map<String, Double> marks) {
        int rowHeight = 26;
        int height = 12 + rowHeight * Math.max(1, points.size());
        int labelWidth = 190;
        StringBuilder svg = open(id, title, height);
        double span = WIDTH - labelWidth - 60;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double yy = 6 + i * rowHeight;
            double w = span * Math.max(0, Math.min(100, p.value())) / 100;
            String label = p.label().length() > 28 ? p.label().substring(0, 27) + "…" : p.label();
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
                            + "<rect class=\"track\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\"/>"
                            + "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\"><title>%s: %s</title></rect>"
                            + "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                    labelWidth - 8,
                    yy + 13,
                    esc(label),
                    labelWidth,
                    yy,
                    span,
                    labelWidth,
                    yy,
                    w,
                    esc(p.label()),
                    esc(p.note()),
                    labelWidth + span + 6,
                    yy + 13,
                    Math.round(p.value()) + "%"));
            Double mark = marks.get(p.label());
            if (mark != null) {
                double x = labelWidth + span * mark / 100;
                svg.append(String.format(
                        Locale.ROOT,
                        "<line class=\"reference\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        x,
                        yy - 2,
                        x,
                        yy + 18));
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A calendar heatmap of answers per day for {@code weeks} weeks up to {@code end}: one column per week,
     * Monday at the top; darker is more, in four steps, and each cell's count is in its tooltip.
     */
    static String heatmap(String id, String title, Map<LocalDate, Integer> perDay, LocalDate end, int weeks) {
        int cell = 11;
        int gap = 2;
        LocalDate start = end.minusWeeks(weeks - 1L).with(DayOfWeek.MONDAY);
        int height = 7 * (cell + gap) + 20;
        StringBuilder svg = open(id, title, height);
        int max = perDay.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int week = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            int row = d.getDayOfWeek().getValue() - 1;
            if (d.getDayOfWeek() == DayOfWeek.MONDAY && !d.equals(start)) {
                week++;
            }
            int n = perDay.getOrDefault(d, 0);
            int level = n == 0 || max == 0 ? 0 : 1 + Math.min(3, (int) (4.0 * (n - 1) / max));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"heat%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"><title>%s: %d answer%s</title></rect>",
                    level,
                    LEFT + week * (cell + gap),
                    row * (cell + gap),
                    cell,
                    cell,
                    d,
                    n,
                    n == 1 ? "" : "s"));
            if (d.getDayOfMonth() == 1) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>",
                        LEFT + week * (cell + gap),
                        height - 4,
                        d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)));
            }
        }
        svg.append("<text class=\"axis\" x=\"0\" y=\"9\">Mon</text><text class=\"axis\" x=\"0\" y=\"87\">Sun</text>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\""
                        + " preserveAspectRatio=\"xMinYMin meet\"><title id=\"%s-title\">%s</title>",
                esc(id),
                WIDTH,
                height,
                esc(id),
                esc(id),
                esc(title)));
    }

    private static void axes(StringBuilder svg, double max, String unit) {
        for (double v : new double[] {0, max / 2, max}) {
            double yy = y(v, max);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>",
                    LEFT,
                    yy,
                    WIDTH - 10,
                    yy,
                    LEFT - 4,
                    yy + 4,
                    Math.round(v),
                    unit));
        }
    }

    private static double y(double v, double max) {
        double top = 8;
        double bottom = HEIGHT - BOTTOM;
        return bottom - (bottom - top) * Math.max(0, Math.min(max, v)) / max;
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
