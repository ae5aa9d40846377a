package app.almanac.ingest.bank;

import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.read.QuestionRules;
import app.almanac.ingest.read.Refusal;
import app.almanac.ingest.read.TextDecoder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Moodle XML ({@code <quiz><question type="multichoice">…}), the format Moodle's question bank
 * exports: multiple-choice and true/false questions become Almanac questions, each category a
 * question bank named after the last part of its path. Any other question type refuses the file
 * with its line, since Almanac cannot hold it and a file with any error yields nothing.
 *
 * <p>Texts are HTML; Almanac keeps plain text, so the HTML is read as paragraphs and line breaks.
 * The structure Almanac's own export writes (statements as labelled paragraphs, pairs as a table)
 * is read back exactly; statements written as plain numbered lines after "Consider the following
 * statements" are recognised as well.
 */
public final class MoodleXmlFormat {

    private MoodleXmlFormat() {}

    /** Parses a Moodle XML quiz; never throws. A DOCTYPE is refused, so no entity can reach outside the file. */
    public static ParseResult parse(String file, String text) {
        try {
            return read(file, TextDecoder.normalise(text));
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own parser, whatever else is on the class path, with DTDs and outside entities off
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static ParseResult read(String file, String text) {
        String fallbackTitle = file.replaceFirst("\\.[^./\\\\]+$", "");
        Banks banks = new Banks(fallbackTitle);
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new StringReader(text));
            boolean root = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refusal(
                            line(xml),
                            "a DOCTYPE is not accepted in Moodle XML (it could make the reader fetch other files): remove it");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!root) {
                    if (!xml.getLocalName().equals("quiz")) {
                        throw new Refusal(
                                line(xml),
                                "expected a Moodle XML quiz (a <quiz> element) but the document is <"
                                        + xml.getLocalName() + ">");
                    }
                    root = true;
                    continue;
                }
                if (xml.getLocalName().equals("question")) {
                    question(xml, banks);
                } else {
                    skip(xml);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            return ParseResult.refused(new Diagnostic(file, Math.max(line, 0), "not well-formed XML: " + message(e)));
        } finally {
            close(xml);
        }
        if (banks.empty()) {
            return ParseResult.refused(
                    new Diagnostic(
                            file,
                            0,
                            "no questions: expected <question type=\"multichoice\"> or <question type=\"truefalse\"> in <quiz>"));
        }
        return new ParseResult(file, List.of(), banks.contents(), List.of());
    }

    /** The question banks of a file, one per category, in the order the categories first appear. */
    private static final class Banks {
        private final Map<String, List<Question>> questions = new LinkedHashMap<>();
        private String title;

        Banks(String fallbackTitle) {
            this.title = fallbackTitle;
        }

        void category(String path) {
            String name = QuestionText.categoryName(path);
            if (!name.isBlank()) {
                title = name;
            }
        }

        void add(Question q) {
            questions.computeIfAbsent(title, t -> new ArrayList<>()).add(q);
        }

        boolean empty() {
            return questions.isEmpty();
        }

        List<QuestionBankContent> contents() {
            return questions.entrySet().stream()
                    .map(e -> new QuestionBankContent(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    /** One {@code <answer>}: its weight in percent, its text and the feedback given for it. */
    private record Answer(BigDecimal fraction, String text, String feedback, int line) {}

    /** One {@code <text>} holder ({@code <questiontext>}, {@code <answer>}…): its format, its text and where. */
    private record Texted(String format, String text, int line) {}

    private static void question(XMLStreamReader xml, Banks banks) throws XMLStreamException {
        int start = line(xml);
        String type = xml.getAttributeValue(null, "type");
        if (type == null || type.isBlank()) {
            throw new Refusal(start, "a <question> without its type: expected type=\"multichoice\" or \"truefalse\"");
        }
        Texted questionText = null;
        Texted generalFeedback = null;
        Texted category = null;
        List<Answer> answers = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            switch (name) {
                case "questiontext" -> questionText = texted(xml);
                case "generalfeedback" -> generalFeedback = texted(xml);
                case "category" -> category = texted(xml);
                case "answer" -> answers.add(answer(xml));
                case "single" -> single(xml);
                default -> skip(xml);
            }
        }
        switch (type) {
            case "category" -> {
                if (category == null) {
                    throw new Refusal(
                            start, "a category question without <category><text>$course$/…</text></category>");
                }
                banks.category(category.text());
            }
            case "multichoice", "truefalse" -> banks.add(build(type, start, questionText, generalFeedback, answers));
            default -> throw new Refusal(start, QuestionText.unsupported(type));
        }
    }

    private static Question build(
            String type, int start, Texted questionText, Texted generalFeedback, List<Answer> answers) {
        if (questionText == null || questionText.text().isBlank()) {
            throw new Refusal(start, "the question has no <questiontext>");
        }
        QuestionText.Body body = QuestionText.body(
                questionText.text(), QuestionText.Kind.of(questionText.format()), questionText.line());
        List<Question.Option> options = new ArrayList<>();
        List<String> answer;
        StringBuilder feedback = new StringBuilder();
        if (type.equals("truefalse")) {
            if (answers.size() != 2) {
                throw new Refusal(start, "a true/false question needs two answers, 'true' and 'false'");
            }
            options.add(new Question.Option("A", "True"));
            options.add(new Question.Option("B", "False"));
            // Moodle writes the words "true" and "false"; a hand-made file may use others, in that order
            Answer first = answers.get(0);
            boolean firstIsFalse = first.text().strip().equalsIgnoreCase("false");
            Answer trueAnswer = firstIsFalse ? answers.get(1) : first;
            Answer falseAnswer = firstIsFalse ? first : answers.get(1);
            if (trueAnswer.fraction().signum() > 0 == falseAnswer.fraction().signum() > 0) {
                throw new Refusal(start, "a true/false question needs exactly one of 'true' and 'false' to be right");
            }
            answer = List.of(trueAnswer.fraction().signum() > 0 ? "A" : "B");
        } else {
            if (answers.size() > 26) {
                throw new Refusal(start, "a question with " + answers.size() + " answers: at most 26 are taken (A–Z)");
            }
            if (answers.size() < 2) {
                throw new Refusal(start, "a multiple-choice question needs two or more <answer>s");
            }
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                String label = String.valueOf((char) ('A' + i));
                if (a.text().isBlank()) {
                    throw new Refusal(a.line(), "answer " + label + " has no text");
                }
                options.add(new Question.Option(label, a.text()));
                if (!a.feedback().isBlank()) {
                    feedback.append("\n\n(").append(label).append(") ").append(a.feedback());
                }
            }
            answer = QuestionText.correct(answers.stream().map(Answer::fraction).toList());
            if (answer.isEmpty()) {
                throw new Refusal(start, "no answer is right: give the right answer fraction=\"100\"");
            }
        }
        String general = generalFeedback == null
                ? ""
                : QuestionText.plain(
                        generalFeedback.text(), QuestionText.Kind.of(generalFeedback.format()), generalFeedback.line());
        String explanation = (general + feedback).strip();
        Question q = new Question(
                body.stem(),
                body.statements(),
                body.pairs(),
                options,
                answer,
                explanation.isEmpty() ? null : explanation);
        QuestionRules.Broken broken = QuestionRules.check(q);
        if (broken != null) {
            throw new Refusal(start, broken.message());
        }
        return q;
    }

    private static Answer answer(XMLStreamReader xml) throws XMLStreamException {
        int line = line(xml);
        String fraction = xml.getAttributeValue(null, "fraction");
        String format = xml.getAttributeValue(null, "format");
        String text = "";
        String feedback = "";
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "text" -> text = elementText(xml);
                case "feedback" -> {
                    Texted t = texted(xml);
                    feedback = QuestionText.plain(t.text(), QuestionText.Kind.of(t.format()), t.line());
                }
                default -> skip(xml);
            }
        }
        BigDecimal weight;
        try {
            weight = new BigDecimal(fraction == null ? "0" : fraction.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(
                    line, "the answer's fraction '" + fraction + "' is not a number: expected 100, 0, -33.33333…");
        }
        if (weight.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new Refusal(line, "the answer's fraction " + fraction + " is outside -100…100");
        }
        return new Answer(weight, QuestionText.plain(text, QuestionText.Kind.of(format), line), feedback, line);
    }

    private static void single(XMLStreamReader xml) throws XMLStreamException {
        int line = line(xml);
        String value = xml.getElementText().strip().toLowerCase(Locale.ROOT);
        // which options are right is told by the fractions; <single> only has to make sense
        if (!List.of("true", "false", "1", "0").contains(value)) {
            throw new Refusal(line, "<single> is '" + value + "': expected true or false");
        }
    }

    /** An element holding a {@code <text>} child, such as {@code <questiontext format="html">}. */
    private static Texted texted(XMLStreamReader xml) throws XMLStreamException {
        String format = xml.getAttributeValue(null, "format");
        String text = "";
        int line = line(xml);
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("text")) {
                line = line(xml);
                text = elementText(xml);
            } else {
                skip(xml);
            }
        }
        return new Texted(format, text, line);
    }

    /** A {@code <text>}'s content; HTML in it must be escaped or in CDATA, else it would be XML elements. */
    private static String elementText(XMLStreamReader xml) throws XMLStreamException {
        int line = line(xml);
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new Refusal(
                            line,
                            "<text> holds an element <" + xml.getLocalName()
                                    + ">: write the HTML escaped or inside <![CDATA[ … ]]>");
                default -> {}
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int line(XMLStreamReader xml) {
        return Math.max(xml.getLocation().getLineNumber(), 0);
    }

    /** The parser's message without its "ParseError at [row,col]" preamble: the line is said apart. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("Message: ");
        return at >= 0 ? m.substring(at + "Message: ".length()).strip() : m.strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing to release for a string source
            }
        }
    }

    /**
     * The texts of imported questions, as both Moodle formats carry them (HTML, plain, Markdown or
     * Moodle's own auto-format), turned into Almanac's plain text: a question's stem with its
     * statements and pairs, an option or an explanation. Shared with {@link GiftFormat}, whose
     * {@code [html]} texts are the same HTML.
     */
    static final class QuestionText {

        /** A question's text, read: the stem, and the statements and pairs taken out of it. */
        record Body(String stem, List<Question.Statement> statements, Question.Pairs pairs) {}

        /** How a text is written. */
        enum Kind {
            HTML,
            PLAIN,
            /** Moodle's auto-format: plain text that may hold HTML. */
            AUTO;

            /** The kind of a Moodle format name (the XML's {@code format} attribute, GIFT's {@code [html]}). */
            static Kind of(String format) {
                if (format == null) {
                    return AUTO;
                }
                return switch (format.strip().toLowerCase(Locale.ROOT)) {
                    case "html" -> HTML;
                    case "plain_text", "plain", "markdown" -> PLAIN;
                    default -> AUTO;
                };
            }
        }

        /** The class Almanac's export gives a statement's paragraph, so the statement is read back as one. */
        static final String STATEMENT_CLASS = "almanac-statement";

        private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
                "(?i)<(?:p|br|b|i|u|em|strong|span|div|ol|ul|li|table|tr|td|th|sub|sup|img|a|h[1-6])\\b[^>]*>");
        private static final Pattern IMAGE = Pattern.compile("(?i)<img\\b");
        /** "Consider the following statements:", "…pairs:", "Match List-I with List-II": a list follows. */
        private static final Pattern LEAD =
                Pattern.compile("(?i)\\b(?:following\\s+statements|statements\\s+given\\s+below|following\\s+pairs"
                        + "|match\\s+the\\s+following|match\\s+list|consider\\s+the\\s+following)\\b");

        private static final Pattern PAIRS_LEAD =
                Pattern.compile("(?i)\\b(?:following\\s+pairs|match\\s+the\\s+following|match\\s+list)\\b");
        private static final Pattern NUMBERED = Pattern.compile("^\\(?(\\d{1,2}|[ivxIVX]{1,4})\\s*[.)]\\s+(\\S.*)$");
        private static final Pattern ROMAN_STATEMENT =
                Pattern.compile("(?i)^Statement[\\s-]*(I{1,3}|IV|V|[1-5])\\s*[:.\\-–]\\s*(\\S.*)$");
        private static final Pattern PAIR_SEPARATOR = Pattern.compile("\\s+[—–-]\\s+|\\s*:\\s+|\\t|\\s+\\|\\s+");
        private static final Pattern WRITTEN_STATEMENT_LABEL = Pattern.compile("^Statement-(.+):$");
        /** Stands for raw white space with a line break inside HTML text: layout of the source, not content. */
        private static final char BREAK = '\uE000';

        private QuestionText() {}

        /** Why a question of Moodle type {@code type} is refused. */
        static String unsupported(String type) {
            String what = switch (type) {
                case "shortanswer" -> "a short-answer question";
                case "numerical" -> "a numerical question";
                case "match" -> "a matching question";
                case "essay" -> "an essay question";
                case "description" -> "a description (text, not a question)";
                case "cloze", "multianswer" -> "an embedded-answers (cloze) question";
                default -> "a question of type '" + type + "'";
            };
            return what + " cannot be held by Almanac: only multiple-choice and true/false questions are imported";
        }

        /** The last part of a Moodle category path ({@code $course$/top/Polity}); "//" stands for a "/" in a name. */
        static String categoryName(String path) {
            String[] parts = path.strip().split("(?<!/)/(?!/)");
            return parts.length == 0
                    ? ""
                    : parts[parts.length - 1].replace("//", "/").strip();
        }

        /**
         * The labels of the right options, given each option's weight in percent: those worth full
         * marks, or, when none is (several right answers sharing the marks), those worth anything.
         */
        static List<String> correct(List<BigDecimal> weights) {
            BigDecimal full = new BigDecimal("99.99");
            boolean anyFull = weights.stream().anyMatch(w -> w.compareTo(full) >= 0);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                BigDecimal w = weights.get(i);
                if (anyFull ? w.compareTo(full) >= 0 : w.signum() > 0) {
                    labels.add(String.valueOf((char) ('A' + i)));
                }
            }
            return labels;
        }

        /** A question's text as its stem, statements and pairs; {@code line} is where problems are said to be. */
        static Body body(String text, Kind kind, int line) {
            if (!isHtml(text, kind)) {
                return plainBody(plainText(text));
            }
            List<Block> blocks = blocks(text, line);
            List<Question.Statement> statements = new ArrayList<>();
            List<Block.Table> tables = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof Block.Statement s) {
                    statements.add(new Question.Statement(s.label(), s.text()));
                } else if (b instanceof Block.Table t) {
                    tables.add(t);
                } else if (b instanceof Block.Paragraph p) {
                    paragraphs.add(p.text());
                }
            }
            if (tables.size() > 1) {
                throw new Refusal(
                        line, "the question's text has " + tables.size() + " tables: Almanac holds one table of pairs");
            }
            String stem = TextDecoder.normalise(String.join("\n\n", paragraphs));
            if (statements.isEmpty() && tables.isEmpty()) {
                // someone else's HTML: the statements may be numbered lines or list items
                return plainBody(stem);
            }
            Question.Pairs pairs = tables.isEmpty()
                    ? null
                    : new Question.Pairs(tables.get(0).header(), tables.get(0).rows());
            return new Body(stem, statements, pairs);
        }

        /** An option's or an explanation's text as plain text: paragraphs apart by a blank line. */
        static String plain(String text, Kind kind, int line) {
            if (!isHtml(text, kind)) {
                return plainText(text);
            }
            List<String> paragraphs = new ArrayList<>();
            for (Block b : blocks(text, line)) {
                if (b instanceof Block.Paragraph p) {
                    paragraphs.add(p.text());
                } else if (b instanceof Block.Statement s) {
                    paragraphs.add(writtenLabel(s.label()) + " " + s.text());
                } else if (b instanceof Block.Table t) {
                    List<String> rows = new ArrayList<>();
                    if (!t.header().isEmpty()) {
                        rows.add(String.join(" | ", t.header()));
                    }
                    t.rows().forEach(r -> rows.add(String.join(" | ", r)));
                    paragraphs.add(String.join("\n", rows));
                }
            }
            return TextDecoder.normalise(String.join("\n\n", paragraphs));
        }

        /**
         * How a statement's label is shown: "Statement-II:" for the Roman labels of Statement-I /
         * Statement-II questions, "1." otherwise. Read back by {@link #label(String)}.
         */
        static String writtenLabel(String label) {
            return label.matches("I{1,3}|IV|V|VI{1,3}|IX|X") ? "Statement-" + label + ":" : label + ".";
        }

        /** The label shown as {@code written} (see {@link #writtenLabel}). */
        static String label(String written) {
            Matcher m = WRITTEN_STATEMENT_LABEL.matcher(written);
            if (m.matches() && m.group(1).matches("I{1,3}|IV|V|VI{1,3}|IX|X")) {
                return m.group(1);
            }
            return written.endsWith(".") ? written.substring(0, written.length() - 1) : written;
        }

        private static boolean isHtml(String text, Kind kind) {
            return kind == Kind.HTML
                    || kind == Kind.AUTO && LOOKS_LIKE_HTML.matcher(text).find();
        }

        /** Plain text as Almanac keeps it: lines without trailing space, no blank lines at either end. */
        private static String plainText(String text) {
            String[] lines = TextDecoder.normalise(text).split("\n", -1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(lines[i].stripTrailing());
            }
            return sb.toString().strip();
        }

        /**
         * A stem written as plain lines: "Consider the following statements:" (or pairs), then
         * numbered lines (or Statement-I, Statement-II), then the closing question. Two or more
         * such lines become statements (or pairs); otherwise the text is the stem as it stands.
         */
        static Body plainBody(String text) {
            String[] lines = text.split("\n", -1);
            int lead = -1;
            for (int i = 0; i < lines.length && lead < 0; i++) {
                String t = lines[i].strip();
                if (ROMAN_STATEMENT.matcher(t).matches()) {
                    lead = i - 1; // "Statement-I: …" needs no lead-in
                    break;
                }
                if (LEAD.matcher(t).find()) {
                    lead = i;
                }
            }
            if (lead < 0
                    && (lines.length == 0
                            || !ROMAN_STATEMENT.matcher(lines[0].strip()).matches())) {
                return new Body(text, List.of(), null);
            }
            boolean pairs = lead >= 0 && PAIRS_LEAD.matcher(lines[lead]).find();
            List<Question.Statement> statements = new ArrayList<>();
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            int next = lead + 1;
            for (; next < lines.length; next++) {
                String t = lines[next].strip();
                if (t.isEmpty()) {
                    continue;
                }
                Matcher roman = ROMAN_STATEMENT.matcher(t);
                Matcher numbered = NUMBERED.matcher(t);
                if (pairs) {
                    String cells = numbered.matches() ? numbered.group(2) : t;
                    String[] split = PAIR_SEPARATOR.split(cells.strip(), -1);
                    if (split.length < 2 || split.length > 4 || cells.endsWith("?")) {
                        break;
                    }
                    List<String> row =
                            List.of(split).stream().map(String::strip).toList();
                    if (numbered.matches()) {
                        rows.add(row);
                    } else if (header == null && rows.isEmpty()) {
                        header = row;
                    } else {
                        break;
                    }
                } else if (roman.matches()) {
                    statements.add(new Question.Statement(
                            roman.group(1).toUpperCase(Locale.ROOT),
                            roman.group(2).strip()));
                } else if (numbered.matches()) {
                    statements.add(new Question.Statement(
                            numbered.group(1).toUpperCase(Locale.ROOT),
                            numbered.group(2).strip()));
                } else {
                    break;
                }
            }
            if (pairs ? rows.size() < 2 : statements.size() < 2) {
                return new Body(text, List.of(), null);
            }
            String leadIn =
                    String.join("\n", List.of(lines).subList(0, lead + 1)).strip();
            String closing = String.join("\n", List.of(lines).subList(next, lines.length))
                    .strip();
            String stem = leadIn.isEmpty() ? closing : closing.isEmpty() ? leadIn : leadIn + "\n\n" + closing;
            return pairs
                    ? new Body(stem, List.of(), new Question.Pairs(header, rows))
                    : new Body(stem, statements, null);
        }

        /** What an HTML text is made of, top to bottom. */
        private sealed interface Block {
            record Paragraph(String text) implements Block {}

            record Statement(String label, String text) implements Block {}

            record Table(List<String> header, List<List<String>> rows) implements Block {}
        }

        private static List<Block> blocks(String html, int line) {
            if (IMAGE.matcher(html).find()) {
                throw new Refusal(line, "the text has an image (<img>): Almanac holds text only");
            }
            Element body = Jsoup.parseBodyFragment(html).body();
            List<Block> blocks = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            walk(body, blocks, run);
            flush(blocks, run);
            return blocks;
        }

        private static boolean isBlock(String tag) {
            return switch (tag) {
                case "p",
                        "div",
                        "h1",
                        "h2",
                        "h3",
                        "h4",
                        "h5",
                        "h6",
                        "blockquote",
                        "section",
                        "article",
                        "header",
                        "footer",
                        "main",
                        "aside",
                        "nav",
                        "figure",
                        "figcaption",
                        "address",
                        "center",
                        "dl",
                        "dt",
                        "dd",
                        "hr",
                        "li",
                        "pre",
                        "form",
                        "fieldset" -> true;
                default -> false;
            };
        }

        private static void walk(Element parent, List<Block> blocks, StringBuilder run) {
            for (Node node : parent.childNodes()) {
                if (node instanceof TextNode t) {
                    appendText(t.getWholeText(), run, parent.tagName().equals("pre"));
                    continue;
                }
                if (!(node instanceof Element e)) {
                    continue;
                }
                String tag = e.normalName();
                switch (tag) {
                    case "br" -> run.append('\n');
                    case "script", "style", "template" -> {}
                    case "table" -> {
                        flush(blocks, run);
                        blocks.add(table(e));
                    }
                    case "ol", "ul" -> {
                        flush(blocks, run);
                        blocks.add(new Block.Paragraph(list(e)));
                    }
                    default -> {
                        if (tag.equals("p") && e.hasClass(STATEMENT_CLASS)) {
                            flush(blocks, run);
                            blocks.add(statement(e));
                        } else if (isBlock(tag)) {
                            flush(blocks, run);
                            StringBuilder inner = new StringBuilder();
                            walk(e, blocks, inner);
                            flush(blocks, inner);
                        } else {
                            walk(e, blocks, run);
                        }
                    }
                }
            }
        }

        /** Raw white space holding a line break is the source's layout: it stands for a space at most. */
        private static void appendText(String text, StringBuilder run, boolean pre) {
            if (pre) {
                run.append(text);
                return;
            }
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (isHtmlSpace(c)) {
                    int end = i;
                    boolean lineBreak = false;
                    while (end < text.length() && isHtmlSpace(text.charAt(end))) {
                        lineBreak |= text.charAt(end) == '\n' || text.charAt(end) == '\r';
                        end++;
                    }
                    if (lineBreak) {
                        run.append(BREAK);
                    } else {
                        run.append(text, i, end);
                    }
                    i = end;
                } else {
                    run.append(c);
                    i++;
                }
            }
        }

        private static boolean isHtmlSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        }

        /**
         * The text gathered so far, as it reads: a stretch of spaces around a layout break is one
         * space inside a line and nothing at its ends. Text without such breaks (what Almanac
         * writes) is kept exactly, spaces and tabs included.
         */
        private static String finish(CharSequence run) {
            StringBuilder out = new StringBuilder(run.length());
            int i = 0;
            while (i < run.length()) {
                char c = run.charAt(i);
                if (c == ' ' || c == '\t' || c == BREAK) {
                    int end = i;
                    boolean layout = false;
                    while (end < run.length()
                            && (run.charAt(end) == ' ' || run.charAt(end) == '\t' || run.charAt(end) == BREAK)) {
                        layout |= run.charAt(end) == BREAK;
                        end++;
                    }
                    if (!layout) {
                        out.append(run, i, end);
                    } else if (i > 0 && end < run.length() && run.charAt(i - 1) != '\n' && run.charAt(end) != '\n') {
                        out.append(' ');
                    }
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private static void flush(List<Block> blocks, StringBuilder run) {
            String text = finish(run);
            run.setLength(0);
            if (!text.isBlank()) {
                blocks.add(new Block.Paragraph(text));
            }
        }

        /** The inline text of an element: line breaks kept, paragraphs inside it apart by a blank line. */
        private static String inline(Element e) {
            List<Block> inner = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            walk(e, inner, run);
            flush(inner, run);
            List<String> texts = new ArrayList<>();
            for (Block b : inner) {
                if (b instanceof Block.Paragraph p) {
                    texts.add(p.text());
                } else if (b instanceof Block.Statement s) {
                    texts.add(writtenLabel(s.label()) + " " + s.text());
                } else if (b instanceof Block.Table t) {
                    t.rows().forEach(r -> texts.add(String.join(" | ", r)));
                }
            }
            return TextDecoder.normalise(String.join("\n\n", texts));
        }

        private static Block statement(Element p) {
            Element first = p.children().isEmpty() ? null : p.child(0);
            if (first == null
                    || !(first.normalName().equals("b") || first.normalName().equals("strong"))
                    || p.childNodes().indexOf(first) != 0) {
                return new Block.Paragraph(inline(p));
            }
            String label = label(inline(first));
            Element rest = p.clone();
            rest.child(0).remove();
            String text = inline(rest);
            // the export puts one space between the label and the text
            return new Block.Statement(label, text.startsWith(" ") ? text.substring(1) : text);
        }

        private static Block table(Element table) {
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) {
                    continue; // a table inside a cell is that cell's text
                }
                List<Element> cells = tr.children().stream()
                        .filter(c ->
                                c.normalName().equals("td") || c.normalName().equals("th"))
                        .toList();
                boolean headings = !cells.isEmpty()
                        && cells.stream().allMatch(c -> c.normalName().equals("th"));
                List<String> texts = cells.stream().map(QuestionText::inline).toList();
                if (headings && header == null && rows.isEmpty()) {
                    header = texts;
                } else {
                    rows.add(texts);
                }
            }
            return new Block.Table(header == null ? List.of() : header, rows);
        }

        /** A list as numbered lines ("1. …", or "I. …" for {@code type="I"}), so statements in it are found. */
        private static String list(Element list) {
            boolean ordered = list.normalName().equals("ol");
            String type = list.attr("type");
            int n = 1;
            try {
                n = list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
            } catch (NumberFormatException e) {
                n = 1;
            }
            List<String> lines = new ArrayList<>();
            for (Element li : list.children()) {
                if (!li.normalName().equals("li")) {
                    continue;
                }
                if (li.hasAttr("value")) {
                    try {
                        n = Integer.parseInt(li.attr("value").strip());
                    } catch (NumberFormatException e) {
                        // keep counting
                    }
                }
                String marker = !ordered
                        ? "•"
                        : type.equals("I") || type.equals("i")
                                ? roman(n) + "."
                                : type.equals("A") || type.equals("a")
                                        ? (n >= 1 && n <= 26 ? String.valueOf((char) ('A' + n - 1)) : "" + n) + "."
                                        : n + ".";
                lines.add(marker + " " + inline(li).replace("\n\n", "\n").strip());
                n++;
            }
            return String.join("\n", lines);
        }

        private static String roman(int n) {
            if (n < 1 || n > 39) {
                return String.valueOf(n);
            }
            String[] tens = {"", "X", "XX", "XXX"};
            String[] ones = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
            return tens[n / 10] + ones[n % 10];
        }
    }
}
