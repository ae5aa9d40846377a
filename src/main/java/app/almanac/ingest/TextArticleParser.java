package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an analysis pasted as plain text in the common "daily news analysis" layout:
 *
 * <pre>
 * Publisher
 * Series
 * TITLE
 * 26th February, 2024 Category
 * Picture Courtesy: https://…          (credits)
 * Context: one line
 * Heading                               (a heading is followed by bullets, or is a known one)
 *   • bullet
 * About Something                       (a flattened two-column table:
 * Aspects                                  two header lines, then each row's first cell on
 * Description                              one short line and its paragraphs after it)
 * Row heading
 * paragraph…
 * PRACTICE QUESTION
 * Q. stem
 * A) option …
 * Answer: D
 * Explanation: …
 * </pre>
 *
 * Pure: no I/O and no state between calls, so it is safe to call from many threads.
 */
public final class TextArticleParser {

    /** How far into a file the date line may be: past that, it is not this layout. */
    private static final int MAX_HEADER_LINES = 12;

    private static final Pattern BULLET = Pattern.compile("^[•●▪◦·∙‣○■□➢➤►▶✓✔\\-–—*]\\s*(.+)$");
    private static final Pattern CREDIT = Pattern.compile(
            "^((?:picture|image|photo|graphic|map)s?\\s+(?:courtesy|credits?|source)|sources?|courtesy)\\s*[:\\-–]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTEXT = Pattern.compile("^context\\s*[:\\-–]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRACTICE_HEADING = Pattern.compile(
            "^(?:(?:upsc\\s+)?(?:prelims|mains)\\s+)?(?:practice|sample|model)\\s+(?:questions?|mcqs?)\\s*:?$"
                    + "|^(?:prelims|mains)\\s+questions?\\s*:?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(?:Q(?:uestion)?\\s*\\d*\\s*[.:)\\-–]|Q\\d+\\s*[.:)]?)\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("^\\(?([A-Ha-h])\\s*[).]\\s+(.+)$");
    private static final Pattern ANSWER = Pattern.compile(
            "^(?:correct\\s+)?(?:answer|ans|option)s?\\.?\\s*[:\\-–]?\\s*(?:option\\s*)?"
                    + "\\(?([A-Ha-h])\\)?((?:\\s*(?:,|and|&)\\s*\\(?[A-Ha-h]\\)?)*)\\s*\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPLANATION = Pattern.compile(
            "^(?:explanation|solution)\\s*[:\\-–]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIES = Pattern.compile(
            "(?i).*\\b(news analysis|current affairs|editorial|daily|weekly|monthly|digest|news)\\b.*");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> BOILERPLATE = List.of(
            Pattern.compile("(?i)^copyright\\s+infringement\\s+not\\s+intended\\.?$"),
            Pattern.compile("(?i)^print\\s+friendly,?\\s+pdf\\s+(?:&|and)\\s+email$"),
            Pattern.compile("(?i)^(?:share|share this|share on|tweet|print|email|whatsapp|telegram|facebook)"
                    + "(?:\\s*(?:on|via|:)?\\s*(?:whatsapp|telegram|facebook|twitter|x|email|linkedin))*$"),
            Pattern.compile("(?i)^(?:read more|click here|download pdf|subscribe)\\b.{0,40}$"));
    private static final Set<String> KNOWN_HEADINGS = Set.of(
            "details", "reason", "reasons", "background", "significance", "way forward", "way ahead",
            "conclusion", "key highlights", "highlights", "key points", "key takeaways", "challenges",
            "concerns", "impact", "implications", "analysis", "issues", "objectives", "provisions",
            "key provisions", "history", "timeline", "related information", "what is it", "about");

    /** Parses one file's text; {@code file} is only used to say where problems are. */
    public ParseResult parse(String file, String text) {
        List<Line> lines = Line.split(TextDecoder.normalise(text));
        if (lines.isEmpty()) {
            return ParseResult.refused(new Diagnostic(file, 1, "empty file: expected an article (a title line, then a date line)"));
        }
        try {
            return ParseResult.of(file, List.of(new Reader(file, lines).article()));
        } catch (Refusal r) {
            return ParseResult.refused(r.diagnostic);
        }
    }

    /** One non-blank line and where it was in the file. */
    record Line(int number, String text) {
        static List<Line> split(String text) {
            List<Line> lines = new ArrayList<>();
            String[] raw = text.split("\n", -1);
            for (int i = 0; i < raw.length; i++) {
                String t = raw[i].strip().replaceAll(" {2,}", " ");
                if (!t.isEmpty()) {
                    lines.add(new Line(i + 1, t));
                }
            }
            return lines;
        }
    }

    private static final class Refusal extends RuntimeException {
        final Diagnostic diagnostic;

        Refusal(Diagnostic diagnostic) {
            super(diagnostic.toString(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    /** Holds the state of one parse. */
    private static final class Reader {
        private final String file;
        private final List<Line> lines;
        private String title;
        private String context;
        private final List<Credit> credits = new ArrayList<>();

        Reader(String file, List<Line> lines) {
            this.file = file;
            this.lines = lines;
        }

        private Refusal refuse(int line, String message) {
            return new Refusal(new Diagnostic(file, line, message));
        }

        ArticleContent article() {
            int dateIndex = -1;
            PublishedDates.Found date = null;
            for (int i = 0; i < Math.min(lines.size(), MAX_HEADER_LINES) && date == null; i++) {
                try {
                    Optional<PublishedDates.Found> found = PublishedDates.atStart(lines.get(i).text());
                    if (found.isPresent()) {
                        date = found.get();
                        dateIndex = i;
                    }
                } catch (PublishedDates.ImpossibleDate e) {
                    throw refuse(lines.get(i).number(), e.getMessage());
                }
            }
            if (date == null) {
                throw refuse(lines.get(0).number(), "no recognisable title: expected a title line followed by "
                        + "a date line such as '26th February, 2024' within the first " + MAX_HEADER_LINES + " lines");
            }
            if (dateIndex == 0) {
                throw refuse(lines.get(0).number(), "no title: the file starts with a date; expected the title on the line before it");
            }
            List<Line> header = lines.subList(0, dateIndex);
            title = header.get(header.size() - 1).text();
            String publisher = null;
            String series = null;
            for (Line line : header.subList(0, header.size() - 1)) {
                if (series == null && publisher != null || series == null && SERIES.matcher(line.text()).matches()) {
                    series = line.text();
                } else if (publisher == null) {
                    publisher = line.text();
                }
            }
            String rest = lines.get(dateIndex).text().substring(date.end()).replaceFirst("^[\\s|,·•:\\-–—]+", "").strip();
            String category = rest.isEmpty() ? null : rest;

            List<Line> body = new ArrayList<>();
            int questionsFrom = -1;
            List<Line> afterDate = lines.subList(dateIndex + 1, lines.size());
            for (int i = 0; i < afterDate.size(); i++) {
                Line line = afterDate.get(i);
                String t = line.text();
                if (PRACTICE_HEADING.matcher(t).matches()) {
                    questionsFrom = i + 1;
                    break;
                }
                if (sameText(t, title) || isBoilerplate(t)) {
                    continue;
                }
                Matcher credit = CREDIT.matcher(t);
                if (credit.matches() && credit.group(2).length() < 300) {
                    String value = credit.group(2).strip();
                    credits.add(new Credit(titleCase(credit.group(1)), value, URL.matcher(value).matches() ? value : null));
                    continue;
                }
                Matcher contextLine = CONTEXT.matcher(t);
                if (context == null && contextLine.matches()) {
                    if (!contextLine.group(1).isEmpty()) {
                        context = contextLine.group(1);
                    } else if (i + 1 < afterDate.size()) {
                        context = afterDate.get(++i).text();
                    }
                    continue;
                }
                body.add(line);
            }
            List<Section> sections = sections(body);
            List<Question> questions = questionsFrom < 0 ? List.of()
                    : new QuestionReader(afterDate.subList(questionsFrom, afterDate.size())).questions();
            if (sections.isEmpty() && context == null && questions.isEmpty()) {
                throw refuse(lines.get(dateIndex).number(),
                        "the article '" + title + "' has a title and a date but no text after them");
            }
            return new ArticleContent(title, date.date(), publisher, series, category, context,
                    credits, sections, questions);
        }

        private List<Section> sections(List<Line> body) {
            List<Section> sections = new ArrayList<>();
            String heading = "";
            List<String> texts = new ArrayList<>();
            boolean inTable = false;
            for (int i = 0; i < body.size(); i++) {
                String t = body.get(i).text();
                String next = i + 1 < body.size() ? body.get(i + 1).text() : null;
                if (isHeading(t, next, inTable)) {
                    if (!heading.isEmpty() || !texts.isEmpty()) {
                        sections.add(new Section(heading, blocks(texts)));
                    }
                    heading = stripColon(t);
                    texts = new ArrayList<>();
                    inTable = false;
                    continue;
                }
                if (!inTable && texts.stream().noneMatch(s -> BULLET.matcher(s).matches())) {
                    inTable = startsTable(body, i);
                }
                texts.add(t);
            }
            if (!heading.isEmpty() || !texts.isEmpty()) {
                sections.add(new Section(heading, blocks(texts)));
            }
            return sections;
        }

        /** A table starts with two header lines, then a row heading and its first paragraph. */
        private static boolean startsTable(List<Line> body, int i) {
            return i + 3 < body.size()
                    && keyLike(body.get(i).text()) && keyLike(body.get(i + 1).text())
                    && keyLike(body.get(i + 2).text())
                    && !BULLET.matcher(body.get(i + 3).text()).matches();
        }

        private static boolean isHeading(String t, String next, boolean inTable) {
            if (BULLET.matcher(t).matches()) {
                return false;
            }
            String bare = stripColon(t);
            int words = bare.split("\\s+").length;
            if (bare.isEmpty() || bare.length() > 120 || words > 12 || bare.matches(".*[.,;!]$")
                    || !Character.isUpperCase(bare.codePointAt(0)) && !Character.isDigit(bare.codePointAt(0))) {
                return false;
            }
            boolean bulletsFollow = next != null && BULLET.matcher(next).matches();
            boolean about = bare.startsWith("About ");
            if (inTable) {
                return bulletsFollow || about;
            }
            return bulletsFollow && words <= 10 || about
                    || KNOWN_HEADINGS.contains(bare.toLowerCase(Locale.ROOT))
                    || t.endsWith(":") && words <= 8;
        }

        private static List<Block> blocks(List<String> texts) {
            List<Block> blocks = new ArrayList<>();
            int i = 0;
            while (i < texts.size()) {
                if (BULLET.matcher(texts.get(i)).matches()) {
                    List<String> items = new ArrayList<>();
                    Matcher m;
                    while (i < texts.size() && (m = BULLET.matcher(texts.get(i))).matches()) {
                        items.add(m.group(1).strip());
                        i++;
                    }
                    blocks.add(new Block.BulletList(items));
                } else if (i + 3 < texts.size() && keyLike(texts.get(i)) && keyLike(texts.get(i + 1))
                        && keyLike(texts.get(i + 2)) && !BULLET.matcher(texts.get(i + 3)).matches()) {
                    i = table(texts, i, blocks);
                } else {
                    blocks.add(new Block.Paragraph(texts.get(i)));
                    i++;
                }
            }
            return blocks;
        }

        /** Reads a flattened two-column table starting at {@code start}; returns where it ends. */
        private static int table(List<String> texts, int start, List<Block> blocks) {
            List<String> header = List.of(texts.get(start), texts.get(start + 1));
            List<List<List<String>>> rows = new ArrayList<>();
            int i = start + 2;
            while (i < texts.size() && !BULLET.matcher(texts.get(i)).matches()) {
                String key = texts.get(i++);
                List<String> paragraphs = new ArrayList<>();
                // the line after a row heading always belongs to the row, even if it is short
                if (i < texts.size() && !BULLET.matcher(texts.get(i)).matches()) {
                    paragraphs.add(texts.get(i++));
                }
                while (i < texts.size() && !BULLET.matcher(texts.get(i)).matches() && !keyLike(texts.get(i))) {
                    paragraphs.add(texts.get(i++));
                }
                rows.add(List.of(List.of(key), paragraphs));
            }
            blocks.add(new Block.FactTable(header, rows));
            return i;
        }

        /** Short, capitalised, unpunctuated: how the first column of a flattened table looks. */
        private static boolean keyLike(String t) {
            return t.length() <= 60
                    && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))
                    && !t.matches(".*[.,;:!?].*")
                    && !BULLET.matcher(t).matches()
                    && t.split("\\s+").length <= 6;
        }

        private boolean sameText(String a, String b) {
            return a.replaceAll("\\s+", " ").equalsIgnoreCase(b.replaceAll("\\s+", " "));
        }

        private static boolean isBoilerplate(String t) {
            return BOILERPLATE.stream().anyMatch(p -> p.matcher(t).matches());
        }

        private static String stripColon(String t) {
            return t.replaceFirst("\\s*[:\\-–]\\s*$", "").strip();
        }

        private static String titleCase(String label) {
            StringBuilder sb = new StringBuilder();
            for (String word : label.strip().split("\\s+")) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
            return sb.toString();
        }

        /** Reads the lines after a "Practice question" heading. */
        private final class QuestionReader {
            private final List<Line> region;
            private final List<Question> questions = new ArrayList<>();
            private Line start;
            private StringBuilder stem;
            private List<Question.Option> options;
            private List<String> answer;
            private Line answerLine;
            private List<String> explanation;

            QuestionReader(List<Line> region) {
                this.region = region;
            }

            List<Question> questions() {
                for (Line line : region) {
                    String t = line.text();
                    Matcher m;
                    boolean questionDone = stem == null || answer != null || explanation != null;
                    if (questionDone && (m = QUESTION_START.matcher(t)).matches()) {
                        if (stem != null) {
                            finish();
                        }
                        begin(line, m.group(1));
                    } else if (stem == null) {
                        if (isBoilerplate(t)) {
                            continue;
                        }
                        throw refuse(line.number(), "expected a question starting with 'Q.' after the practice-question heading");
                    } else if (answer == null && explanation == null && (m = OPTION.matcher(t)).matches()) {
                        options.add(new Question.Option(m.group(1).toUpperCase(Locale.ROOT), m.group(2).strip()));
                    } else if (answer == null && (m = ANSWER.matcher(t)).matches()) {
                        answer = new ArrayList<>();
                        answer.add(m.group(1).toUpperCase(Locale.ROOT));
                        Matcher more = Pattern.compile("[A-Ha-h]").matcher(m.group(2).replaceAll("(?i)and", ","));
                        while (more.find()) {
                            answer.add(more.group().toUpperCase(Locale.ROOT));
                        }
                        answerLine = line;
                    } else if (explanation == null && (m = EXPLANATION.matcher(t)).matches()) {
                        explanation = new ArrayList<>();
                        if (!m.group(1).isBlank()) {
                            explanation.add(m.group(1).strip());
                        }
                    } else if (explanation != null) {
                        explanation.add(t);
                    } else if (options.isEmpty()) {
                        stem.append('\n').append(t);
                    } else if (!isBoilerplate(t)) {
                        throw refuse(line.number(), "expected an option such as 'A) …', an 'Answer:' line or "
                                + "'Explanation:' in the question that starts on line " + start.number());
                    }
                }
                if (stem != null) {
                    finish();
                }
                return questions;
            }

            private void begin(Line line, String text) {
                start = line;
                stem = new StringBuilder(text.strip());
                options = new ArrayList<>();
                answer = null;
                explanation = null;
            }

            private void finish() {
                if (options.size() == 1) {
                    throw refuse(start.number(), "the question has only one option; expected two or more (A), B), …)");
                }
                List<String> labels = options.stream().map(Question.Option::label).toList();
                if (labels.stream().distinct().count() != labels.size()) {
                    throw refuse(start.number(), "the question has two options with the same label: " + labels);
                }
                List<String> correct = answer == null ? List.of() : answer.stream().distinct().sorted().toList();
                for (String letter : correct) {
                    if (!options.isEmpty() && !labels.contains(letter)) {
                        throw refuse(answerLine.number(),
                                "the answer '" + letter + "' is not one of the options " + String.join(", ", labels));
                    }
                }
                questions.add(new Question(stem.toString(), options, correct,
                        explanation == null || explanation.isEmpty() ? null : String.join("\n\n", explanation)));
                stem = null;
                explanation = null;
                answer = null;
            }
        }
    }
}
