package app.almanac.ingest.markdown;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.read.Headings;
import app.almanac.ingest.read.QuestionRules;
import app.almanac.ingest.read.Refusal;
import app.almanac.ingest.read.TextDecoder;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Almanac's authoring format: Markdown with YAML front matter (title, date, publisher, series,
 * category, syllabus, tags, context, sources), {@code ##} sections, lists, pipe tables (cell
 * paragraphs separated by {@code <br><br>}) and a "Practice questions" section of
 * {@code ### Q1. …} questions. {@link MarkdownWriter} writes it; reading what it wrote gives the
 * same article back.
 */
public final class MarkdownReader {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> FIELDS = Set.of(
            "title", "date", "publisher", "series", "category", "syllabus", "tags", "context", "sources", "source");
    private static final Pattern QUESTION_HEADING = Pattern.compile(
            "^Q(?:uestion)?\\s*(\\d{1,3})?\\s*[.:)]?\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("^\\(?([A-H])\\)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile("^Statement[\\s-]*([^:]{1,20}):\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ANSWER =
            Pattern.compile("^(?:correct\\s+)?answers?\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** "B", "(b)", "A, C", "A and C", "A & C." — labels only, nothing else. */
    private static final Pattern ANSWER_LABELS =
            Pattern.compile("^\\(?([A-Ha-h])\\)?((?:\\s*(?:,|and|&)\\s*\\(?[A-Ha-h]\\)?)*)\\s*\\.?$");

    private static final Pattern EXPLANATION =
            Pattern.compile("^(?:explanation|solution)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String CELL_BREAK = "\u0000";

    private MarkdownReader() {}

    // ---------------------------------------------------------------- reading

    public static ParseResult parse(String file, String text) {
        try {
            return ParseResult.of(file, List.of(read(TextDecoder.normalise(text))));
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        }
    }

    private static ArticleContent read(String text) {
        if (!text.startsWith("---\n")) {
            throw new Refusal(
                    1, "expected YAML front matter: a first line '---', then 'title:' and 'date:', then '---'");
        }
        int close = text.indexOf("\n---", 3);
        while (close >= 0 && !(close + 4 == text.length() || text.charAt(close + 4) == '\n')) {
            close = text.indexOf("\n---", close + 1);
        }
        if (close < 0) {
            throw new Refusal(1, "the front matter that starts on line 1 is not closed by a line '---'");
        }
        String yaml = text.substring(4, close + 1);
        int frontLines = (int) yaml.chars().filter(c -> c == '\n').count() + 2;
        JsonNode front;
        try {
            front = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            throw new Refusal(line, "the front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (front == null || !front.isObject()) {
            throw new Refusal(2, "the front matter must be 'field: value' lines");
        }
        for (String field : front.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new Refusal(
                        lineOf(yaml, field),
                        "unknown front-matter field '" + field + "'; known fields: "
                                + String.join(
                                        ", ",
                                        List.of(
                                                "title",
                                                "date",
                                                "publisher",
                                                "series",
                                                "category",
                                                "syllabus",
                                                "tags",
                                                "context",
                                                "sources")));
            }
        }
        for (String field : List.of("title", "date", "publisher", "series", "category", "context", "source")) {
            JsonNode value = front.get(field);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                throw new Refusal(lineOf(yaml, field), "'" + field + "' must be a single line of text");
            }
        }
        for (String field : List.of("syllabus", "tags")) {
            JsonNode value = front.get(field);
            if (value != null
                    && !value.isNull()
                    && !value.isValueNode()
                    && !(value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode))) {
                throw new Refusal(
                        lineOf(yaml, field), "'" + field + "' must be a list of words, e.g. [GS-II, Prelims]");
            }
        }
        String title = string(front, "title");
        if (title == null || title.isBlank()) {
            throw new Refusal(2, "the front matter has no 'title:'");
        }
        String dateText = string(front, "date");
        if (dateText == null) {
            throw new Refusal(2, "the front matter has no 'date:' (for example 'date: 2024-02-26')");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateText.strip());
        } catch (DateTimeException e) {
            throw new Refusal(lineOf(yaml, "date"), "'" + dateText + "' is not a date: write it as YYYY-MM-DD");
        }
        List<Credit> credits = new ArrayList<>();
        JsonNode sources = front.get("sources");
        if (sources != null && !sources.isNull()) {
            if (!sources.isArray()) {
                throw new Refusal(
                        lineOf(yaml, "sources"), "'sources' must be a list of entries with label, text and url");
            }
            for (JsonNode s : sources) {
                if (!s.isValueNode() && !(s.isObject() && s.valueStream().allMatch(JsonNode::isValueNode))) {
                    throw new Refusal(
                            lineOf(yaml, "sources"), "each of 'sources' must have label, text and url as text");
                }
                String label = s.isObject() ? string(s, "label") : "Source";
                String value = s.isObject() ? string(s, "text") : s.asString();
                String url = s.isObject() ? string(s, "url") : null;
                if (url != null && !Headings.URL.matcher(url).matches()) {
                    throw new Refusal(
                            lineOf(yaml, "sources"),
                            "a source's url must be an http:// or https:// address; found '" + url + "'");
                }
                credits.add(new Credit(label == null ? "Source" : label, value == null ? "" : value, url));
            }
        }
        if (front.hasNonNull("source")) {
            String value = string(front, "source");
            credits.add(new Credit("Source", value, Headings.URL.matcher(value).matches() ? value : null));
        }
        Node document = PARSER.parse(text.substring(close + 4));
        Body body = body(document, frontLines);
        return new ArticleContent(
                title.strip(),
                date,
                string(front, "publisher"),
                string(front, "series"),
                string(front, "category"),
                words(front, "syllabus"),
                words(front, "tags"),
                string(front, "context"),
                credits,
                body.sections(),
                body.questions());
    }

    private static int lineOf(String yaml, String field) {
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(field + ":")) {
                return i + 2;
            }
        }
        return 2;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    private static List<String> words(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            value.forEach(v -> out.add(v.asString().strip()));
            return out;
        }
        return List.of(value.asString().split("\\s*,\\s*"));
    }

    private record Body(List<Section> sections, List<Question> questions) {}

    private static Body body(Node document, int lineOffset) {
        List<Section> sections = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        String heading = null;
        List<Block> blocks = new ArrayList<>();
        QuestionBuilder question = null;
        boolean practice = false;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = line(node, lineOffset);
            if (node instanceof Heading h && (h.getLevel() <= 2 || !practice)) {
                if (practice && question != null) {
                    questions.add(question.build());
                    question = null;
                }
                if (!practice && (heading != null || !blocks.isEmpty())) {
                    sections.add(new Section(heading == null ? "" : heading, blocks));
                }
                String text = inline(h);
                practice = Headings.PRACTICE.matcher(text).matches();
                heading = practice ? null : text;
                blocks = new ArrayList<>();
                continue;
            }
            if (practice) {
                if (node instanceof Heading h) {
                    if (question != null) {
                        questions.add(question.build());
                    }
                    Matcher m = QUESTION_HEADING.matcher(inline(h));
                    question = new QuestionBuilder(line);
                    if (m.matches() && !m.group(2).isBlank()) {
                        question.stem(m.group(2).strip());
                    } else if (!m.matches()) {
                        question.stem(inline(h));
                    }
                    continue;
                }
                if (question == null) {
                    throw new Refusal(
                            line, "expected a question heading such as '### Q1. …' in the practice questions");
                }
                question.add(node, line);
                continue;
            }
            Block block = block(node);
            if (block != null) {
                blocks.add(block);
            }
        }
        if (question != null) {
            questions.add(question.build());
        }
        if (!practice && (heading != null || !blocks.isEmpty())) {
            sections.add(new Section(heading == null ? "" : heading, blocks));
        }
        return new Body(sections, questions);
    }

    private static int line(Node node, int offset) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? offset : spans.get(0).getLineIndex() + offset;
    }

    private static Block block(Node node) {
        if (node instanceof Paragraph p) {
            return new Block.Paragraph(inline(p));
        }
        if (node instanceof ListBlock list) {
            return new Block.BulletList(items(list));
        }
        if (node instanceof TableBlock table) {
            List<List<String>> head = new ArrayList<>();
            List<List<List<String>>> rows = new ArrayList<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    List<List<String>> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(cellParagraphs((TableCell) cell));
                    }
                    if (part instanceof TableHead) {
                        head = cells;
                    } else if (part instanceof TableBody) {
                        rows.add(cells);
                    }
                }
            }
            List<String> header = head.stream().map(c -> String.join("\n", c)).toList();
            if (header.stream().allMatch(String::isEmpty)) {
                header = List.of();
            }
            return new Block.FactTable(header, rows);
        }
        if (node instanceof BlockQuote || node instanceof HtmlBlock) {
            String text = node instanceof HtmlBlock html ? html.getLiteral().strip() : inline(node);
            return text.isEmpty() ? null : new Block.Paragraph(text);
        }
        if (node instanceof FencedCodeBlock code) {
            return new Block.Paragraph(code.getLiteral().strip());
        }
        if (node instanceof IndentedCodeBlock code) {
            return new Block.Paragraph(code.getLiteral().strip());
        }
        if (node instanceof ThematicBreak) {
            return null;
        }
        return null;
    }

    private static List<String> items(ListBlock list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(inline(item));
        }
        return items;
    }

    private static List<String> cellParagraphs(TableCell cell) {
        StringBuilder sb = new StringBuilder();
        appendText(cell, sb);
        String text = sb.toString().strip();
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split(CELL_BREAK + CELL_BREAK, -1)) {
            String t = p.replace(CELL_BREAK, "\n").strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        return paragraphs;
    }

    /** The plain text of a node: formatting dropped, hard line breaks and {@code <br>} kept as newlines. */
    private static String inline(Node node) {
        StringBuilder sb = new StringBuilder();
        appendText(node, sb);
        return sb.toString().replace(CELL_BREAK, "\n").strip();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (child instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak) {
                sb.append(' ');
            } else if (child instanceof HardLineBreak) {
                sb.append('\n');
            } else if (child instanceof HtmlInline html) {
                sb.append(html.getLiteral().matches("(?i)<br\\s*/?>") ? CELL_BREAK : html.getLiteral());
            } else if (child instanceof Paragraph && !sb.isEmpty()) {
                sb.append(' ');
                appendText(child, sb);
            } else {
                appendText(child, sb);
            }
        }
    }

    /** A question under a "### Q1." heading: stem paragraphs, statements, pairs, options, answer, explanation. */
    private static final class QuestionBuilder {
        private final int line;
        private final List<String> stem = new ArrayList<>();
        private final List<Question.Statement> statements = new ArrayList<>();
        private Question.Pairs pairs;
        private final List<Question.Option> options = new ArrayList<>();
        private List<String> answer = List.of();
        private int answerLine;
        private List<String> explanation;

        QuestionBuilder(int line) {
            this.line = line;
        }

        void stem(String text) {
            stem.add(text);
        }

        void add(Node node, int at) {
            if (node instanceof Paragraph p) {
                String text = inline(p);
                Matcher m;
                if (explanation != null) {
                    explanation.add(text);
                } else if ((m = ANSWER.matcher(text)).matches()) {
                    Matcher labels = ANSWER_LABELS.matcher(m.group(1).strip());
                    if (!labels.matches()) {
                        throw new Refusal(
                                at,
                                "expected the answer as option letters, e.g. '**Answer:** B' or "
                                        + "'**Answer:** A, C'; found '"
                                        + m.group(1).strip() + "'");
                    }
                    List<String> letters = new ArrayList<>();
                    letters.add(labels.group(1).toUpperCase(Locale.ROOT));
                    Matcher more =
                            Pattern.compile("(?<![A-Za-z])[A-Ha-h](?![A-Za-z])").matcher(labels.group(2));
                    while (more.find()) {
                        letters.add(more.group().toUpperCase(Locale.ROOT));
                    }
                    answer = letters.stream().distinct().sorted().toList();
                    answerLine = at;
                } else if ((m = EXPLANATION.matcher(text)).matches()) {
                    explanation = new ArrayList<>();
                    if (!m.group(1).isBlank()) {
                        explanation.add(m.group(1).strip());
                    }
                } else if (options.isEmpty()) {
                    stem.add(text);
                } else {
                    throw new Refusal(
                            at,
                            "expected '**Answer:**' or '**Explanation:**' after the options of the question on line "
                                    + line);
                }
            } else if (node instanceof OrderedList list && options.isEmpty()) {
                int n = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (String item : items(list)) {
                    statements.add(new Question.Statement(String.valueOf(n++), item));
                }
            } else if (node instanceof BulletList list) {
                List<String> items = items(list);
                if (!items.isEmpty()
                        && items.stream().allMatch(i -> OPTION.matcher(i).matches())) {
                    for (String item : items) {
                        Matcher m = OPTION.matcher(item);
                        m.matches();
                        options.add(new Question.Option(m.group(1), m.group(2).strip()));
                    }
                } else if (!items.isEmpty()
                        && items.stream().allMatch(i -> STATEMENT.matcher(i).matches())
                        && options.isEmpty()) {
                    for (String item : items) {
                        Matcher m = STATEMENT.matcher(item);
                        m.matches();
                        statements.add(new Question.Statement(
                                m.group(1).strip(), m.group(2).strip()));
                    }
                } else {
                    throw new Refusal(at, "expected options written '- A) …' (or statements '- Statement-I: …')");
                }
            } else if (node instanceof TableBlock table && options.isEmpty()) {
                Block.FactTable t = (Block.FactTable) block(table);
                pairs = new Question.Pairs(
                        t.header(),
                        t.rows().stream()
                                .map(r -> r.stream()
                                        .map(c -> String.join("\n\n", c))
                                        .toList())
                                .toList());
            } else if (!(node instanceof ThematicBreak)) {
                throw new Refusal(at, "unexpected content in the question on line " + line);
            }
        }

        Question build() {
            Question question = new Question(
                    String.join("\n\n", stem),
                    statements,
                    pairs,
                    options,
                    answer,
                    explanation == null || explanation.isEmpty() ? null : String.join("\n\n", explanation));
            QuestionRules.Broken broken = QuestionRules.check(question);
            if (broken != null) {
                throw new Refusal(broken.part() == QuestionRules.Part.ANSWER ? answerLine : line, broken.message());
            }
            return question;
        }
    }
}
