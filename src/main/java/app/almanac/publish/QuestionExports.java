package app.almanac.publish;

import app.almanac.article.Question;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions written for other tools: Moodle XML and GIFT for Moodle's question bank, and a text
 * file for Anki. Pure functions of the questions; the readers in {@code ingest} read the Moodle
 * formats back to the same questions.
 *
 * <p>In both Moodle formats a question is a multiple-choice question whose texts are HTML: the
 * stem's paragraphs, then (after the first paragraph, the lead-in) its statements as paragraphs of
 * class {@code almanac-statement} starting with the label in bold ("1.", or "Statement-I:" for
 * Roman labels), and its pairs as a table of class {@code almanac-pairs} with the header in
 * {@code <th>}. A right option earns 100% (its share when there are several); a wrong one costs a
 * third, as in the UPSC. Options are not shuffled: "Both 1 and 2" means something only in its
 * place. A question without options or without an answer cannot be a Moodle multiple-choice
 * question; it is left out, with a comment in the file saying so (see {@link #leftOut}).
 */
public final class QuestionExports {

    /** A question with the tags it is filed under (an Anki note's tags). */
    public record Item(Question question, List<String> tags) {
        public Item {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** What a wrong option costs, in percent of the question's marks: the UPSC's third. */
    static final String PENALTY = "-33.33333";

    private static final Pattern ROMAN = Pattern.compile("I{1,3}|IV|V|VI{1,3}|IX|X");
    /** Splits a text into paragraphs at the first two of every run of line breaks (the rest stay line breaks). */
    private static final Pattern PARAGRAPH = Pattern.compile("(?<!\n)\n\n");

    private QuestionExports() {}

    /**
     * Why questions cannot go to Moodle ("question 3: it has no options"), one line each, in order;
     * empty when all can. Both Moodle writers leave those questions out.
     */
    public static List<String> leftOut(List<Question> questions) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String why = whyNot(questions.get(i));
            if (why != null) {
                reasons.add("question " + (i + 1) + ": " + why);
            }
        }
        return reasons;
    }

    private static String whyNot(Question q) {
        if (q.options().size() < 2) {
            return "it has no options (a descriptive question), and Moodle's multiple choice needs two or more";
        }
        if (keys(q).isEmpty()) {
            return "it gives no answer, and Moodle's multiple choice needs a right one";
        }
        return null;
    }

    /** The positions of the right options. */
    private static List<Integer> keys(Question q) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            if (q.answer().contains(q.options().get(i).label())) {
                keys.add(i);
            }
        }
        return keys;
    }

    /** The weight of each right option when {@code keys} options are right: 100 shared, to five places. */
    static String share(int keys) {
        return BigDecimal.valueOf(100)
                .divide(BigDecimal.valueOf(keys), 5, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    // ---------------------------------------------------------------- Moodle XML

    /**
     * The questions as a Moodle XML quiz, in the category {@code $course$/top/<title>}: multiple
     * choice, {@code <single>} true for one right option, HTML texts in CDATA, the explanation as
     * the general feedback.
     */
    public static String moodleXml(String title, List<Question> questions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        xml.append("  <question type=\"category\">\n    <category>\n      <text>")
                .append(escapeXml("$course$/top/" + categoryName(title)))
                .append("</text>\n    </category>\n  </question>\n");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String why = whyNot(q);
            if (why != null) {
                xml.append("  <!-- question ")
                        .append(i + 1)
                        .append(" is left out: ")
                        .append(why.replace("--", "–"))
                        .append(" -->\n");
                continue;
            }
            List<Integer> keys = keys(q);
            String right = keys.size() == 1 ? "100" : share(keys.size());
            xml.append("  <question type=\"multichoice\">\n");
            xml.append("    <name>\n      <text>Q").append(i + 1).append("</text>\n    </name>\n");
            xml.append("    <questiontext format=\"html\">\n      <text>")
                    .append(cdata(questionHtml(q)))
                    .append("</text>\n    </questiontext>\n");
            xml.append("    <generalfeedback format=\"html\">\n      <text>")
                    .append(q.explanation() == null ? "" : cdata(paragraphs(q.explanation())))
                    .append("</text>\n    </generalfeedback>\n");
            xml.append("    <defaultgrade>1</defaultgrade>\n");
            xml.append("    <single>").append(keys.size() == 1).append("</single>\n");
            xml.append("    <shuffleanswers>false</shuffleanswers>\n");
            xml.append("    <answernumbering>ABCD</answernumbering>\n");
            for (int o = 0; o < q.options().size(); o++) {
                xml.append("    <answer fraction=\"")
                        .append(keys.contains(o) ? right : PENALTY)
                        .append("\" format=\"html\">\n      <text>")
                        .append(cdata(inline(q.options().get(o).text())))
                        .append("</text>\n      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n")
                        .append("    </answer>\n");
            }
            xml.append("  </question>\n");
        }
        return xml.append("</quiz>\n").toString();
    }

    /** A category path's name: "/" is a separator in Moodle's paths, "//" a slash in a name. */
    private static String categoryName(String title) {
        String name = title == null || title.isBlank() ? "Almanac" : title.strip();
        return name.replaceAll("\\s+", " ").replace("/", "//");
    }

    private static String cdata(String text) {
        String clean = xmlChars(text);
        return clean.isEmpty() ? "" : "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String escapeXml(String text) {
        return xmlChars(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Drops what XML 1.0 cannot hold (control characters, lone surrogates). */
    private static String xmlChars(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || c >= ' ' && c < '\uD800'
                    || c >= '\uE000' && c < '\uFFFE') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- GIFT

    /**
     * The questions in Moodle's GIFT format, after a {@code $CATEGORY:} line for {@code title}:
     * {@code ::Qn::[html]…{ =right ~%-33.33333%wrong … ####explanation }}, GIFT's special
     * characters escaped.
     */
    public static String gift(String title, List<Question> questions) {
        StringBuilder gift = new StringBuilder();
        gift.append("// ").append(oneLine(title == null ? "" : title)).append(" (exported from Almanac)\n\n");
        // Moodle reads the category unescaped, so nothing in it is escaped
        gift.append("$CATEGORY: $course$/top/").append(categoryName(title)).append("\n\n");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String why = whyNot(q);
            if (why != null) {
                gift.append("// question ")
                        .append(i + 1)
                        .append(" is left out: ")
                        .append(why)
                        .append("\n\n");
                continue;
            }
            List<Integer> keys = keys(q);
            gift.append("::Q")
                    .append(i + 1)
                    .append("::[html]")
                    .append(escapeGift(questionHtml(q)))
                    .append(" {\n");
            for (int o = 0; o < q.options().size(); o++) {
                String mark = keys.contains(o)
                        ? keys.size() == 1 ? "=" : "~%" + share(keys.size()) + "%"
                        : "~%" + PENALTY + "%";
                gift.append('\t')
                        .append(mark)
                        .append(escapeGift(optionHtml(q.options().get(o).text())))
                        .append('\n');
            }
            if (q.explanation() != null && !q.explanation().isBlank()) {
                gift.append("\t####")
                        .append(escapeGift(paragraphs(q.explanation())))
                        .append('\n');
            }
            gift.append("}\n\n");
        }
        return gift.toString();
    }

    /**
     * An option's HTML as it may start a GIFT answer: a leading "[" would read as a text format and
     * a leading "%" as a weight, so those are written as character references.
     */
    private static String optionHtml(String text) {
        String html = inline(text);
        if (html.startsWith("[")) {
            return "&#91;" + html.substring(1);
        }
        if (html.startsWith("%")) {
            return "&#37;" + html.substring(1);
        }
        return html;
    }

    private static String escapeGift(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> {}
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- Anki

    /**
     * The questions as an Anki text file for the deck {@code deck}: the file headers, then one
     * note a line, front (the question and its options), back (the answer and the explanation)
     * and tags, apart by tabs. Fields are HTML without tabs or line breaks; a field with a double
     * quote is quoted, as Anki reads them. In a tag, white space becomes "_", and "::" (which Anki
     * reads as a tag's parent) "_" as well.
     */
    public static String anki(String deck, List<Item> items) {
        String name = deck == null || deck.isBlank() ? "Almanac" : oneLine(deck);
        StringBuilder out = new StringBuilder();
        out.append("#separator:tab\n#html:true\n#deck:").append(name).append("\n#tags column:3\n");
        for (Item item : items) {
            Question q = item.question();
            out.append(field(front(q)))
                    .append('\t')
                    .append(field(back(q)))
                    .append('\t')
                    .append(field(String.join(" ", tags(item.tags()))))
                    .append('\n');
        }
        return out.toString();
    }

    private static String front(Question q) {
        StringBuilder html = new StringBuilder(questionHtml(q));
        if (!q.options().isEmpty()) {
            html.append("<div class=\"almanac-options\">");
            for (Question.Option o : q.options()) {
                html.append("<div><b>(")
                        .append(escapeHtml(o.label()))
                        .append(")</b> ")
                        .append(inline(o.text()))
                        .append("</div>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    private static String back(Question q) {
        StringBuilder html = new StringBuilder();
        if (!q.options().isEmpty()) {
            List<Integer> keys = keys(q);
            if (keys.isEmpty()) {
                html.append("<p><b>Answer:</b> not given</p>");
            } else {
                html.append("<p><b>Answer:</b> ")
                        .append(escapeHtml(String.join(
                                ", ",
                                keys.stream()
                                        .map(k -> q.options().get(k).label())
                                        .toList())))
                        .append("</p>");
                for (int k : keys) {
                    Question.Option o = q.options().get(k);
                    html.append("<p><b>(")
                            .append(escapeHtml(o.label()))
                            .append(")</b> ")
                            .append(inline(o.text()))
                            .append("</p>");
                }
            }
        }
        if (q.explanation() != null && !q.explanation().isBlank()) {
            html.append(paragraphs(q.explanation()));
        }
        return html.length() == 0 ? "<p>No answer given.</p>" : html.toString();
    }

    /** Tags as Anki takes them: one word each, no "::" hierarchy by accident, none twice. */
    static List<String> tags(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().replaceAll("\\s+", "_").replaceAll(":{2,}", "_");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** A field of a tab-separated line: quoted, with doubled quotes, when it holds a quote. */
    private static String field(String value) {
        String flat = value.replace("\t", "&#9;").replace("\r", "").replace("\n", "<br>");
        return flat.indexOf('"') >= 0 ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }

    // ---------------------------------------------------------------- HTML shared by the three

    /** A question's stem, statements and pairs as HTML, as {@code ingest}'s Moodle readers read them back. */
    static String questionHtml(Question q) {
        String[] parts = PARAGRAPH.split(q.stem(), -1);
        boolean listed = !q.statements().isEmpty() || q.pairs() != null;
        StringBuilder html = new StringBuilder();
        int i = 0;
        if (listed && parts.length > 0) {
            paragraph(parts[0], html);
            i = 1;
        }
        if (listed) {
            for (Question.Statement s : q.statements()) {
                html.append("<p class=\"almanac-statement\"><b>")
                        .append(inline(writtenLabel(s.label())))
                        .append("</b> ")
                        .append(inline(s.text()))
                        .append("</p>");
            }
            if (q.pairs() != null) {
                pairs(q.pairs(), html);
            }
        }
        for (; i < parts.length; i++) {
            paragraph(parts[i], html);
        }
        return html.toString();
    }

    /** "Statement-II:" for the Roman labels of Statement-I / Statement-II questions, "1." otherwise. */
    private static String writtenLabel(String label) {
        return ROMAN.matcher(label).matches() ? "Statement-" + label + ":" : label + ".";
    }

    private static void pairs(Question.Pairs pairs, StringBuilder html) {
        html.append("<table class=\"almanac-pairs\">");
        if (!pairs.header().isEmpty()) {
            html.append("<thead><tr>");
            pairs.header().forEach(h -> html.append("<th>").append(inline(h)).append("</th>"));
            html.append("</tr></thead>");
        }
        html.append("<tbody>");
        for (List<String> row : pairs.rows()) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(inline(c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** A text as HTML paragraphs: a blank line starts a paragraph, a line break is {@code <br>}. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String part : PARAGRAPH.split(text, -1)) {
            paragraph(part, html);
        }
        return html.toString();
    }

    private static void paragraph(String text, StringBuilder html) {
        if (!text.isEmpty()) {
            html.append("<p>").append(inline(text)).append("</p>");
        }
    }

    /**
     * A text as inline HTML: escaped, line breaks as {@code <br>}, tabs and the spaces at its ends
     * as character references, so that no reader (nor GIFT's trimming of answers) loses them.
     */
    static String inline(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        StringBuilder html = new StringBuilder(text.length() + 16);
        html.append("&#32;".repeat(start));
        escapeInto(text.substring(start, end), html);
        html.append("&#32;".repeat(text.length() - end));
        return html.toString();
    }

    private static String escapeHtml(String text) {
        StringBuilder html = new StringBuilder();
        escapeInto(text, html);
        return html.toString();
    }

    private static void escapeInto(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\t' -> html.append("&#9;");
                case '\n' -> html.append("<br>");
                case '\r' -> {}
                default -> html.append(c);
            }
        }
    }
}
