package app.almanac.ingest.bank;

import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.bank.MoodleXmlFormat.QuestionText;
import app.almanac.ingest.read.QuestionRules;
import app.almanac.ingest.read.Refusal;
import app.almanac.ingest.read.TextDecoder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's GIFT text format: questions apart by blank lines, {@code // comments},
 * {@code ::title::}, a {@code [html]} (or {@code [plain]}, {@code [markdown]}, {@code [moodle]})
 * text format, answers in braces ({@code {=right ~wrong ~%-33.33333%wrong #feedback ####general
 * feedback}}), true/false ({@code {T}}, {@code {FALSE}}) and {@code $CATEGORY:} lines, each
 * category a question bank named after the last part of its path.
 *
 * <p>Almanac holds multiple-choice questions, so short-answer, numerical, matching and essay
 * questions and descriptions refuse the file with their line: a file with any error yields
 * nothing. A question whose braces sit inside its sentence ("missing word") is kept, with a blank
 * "_____" where the braces were, as Moodle shows it. Feedback on single answers is kept at the
 * end of the explanation, after the general feedback, as "(B) …".
 */
public final class GiftFormat {

    /** What Moodle shows where the answers of a missing-word question were. */
    static final String BLANK = "_____";

    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d{1,3}(?:\\.\\d+)?)%");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|plain|markdown|moodle)]");
    private static final Pattern TRUE_FALSE = Pattern.compile("T|TRUE|F|FALSE");

    private GiftFormat() {}

    /** Parses a GIFT file; never throws. */
    public static ParseResult parse(String file, String text) {
        try {
            return read(file, TextDecoder.normalise(text));
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        }
    }

    /**
     * The text of one question (or category line) with, for every character, whether it was
     * escaped (so it is never markup) and the line it came from.
     */
    private static final class Chunk {
        final StringBuilder chars = new StringBuilder();
        // a bit and an int a character rather than boxed lists: a file may hold millions of them
        final BitSet literal = new BitSet();
        int[] lines = new int[64];
        final int firstLine;

        Chunk(int firstLine) {
            this.firstLine = firstLine;
        }

        void add(char c, boolean escaped, int line) {
            int i = chars.length();
            if (i == lines.length) {
                lines = Arrays.copyOf(lines, i * 2);
            }
            chars.append(c);
            literal.set(i, escaped);
            lines[i] = line;
        }

        int length() {
            return chars.length();
        }

        /** Whether position {@code i} holds the markup character {@code c} (not escaped). */
        boolean markup(int i, char c) {
            return i >= 0 && i < chars.length() && chars.charAt(i) == c && !literal.get(i);
        }

        /** The first markup {@code c} at or after {@code from}, or -1. */
        int find(char c, int from, int to) {
            for (int i = Math.max(from, 0); i < to; i++) {
                if (markup(i, c)) {
                    return i;
                }
            }
            return -1;
        }

        int lineAt(int i) {
            return chars.length() == 0 ? firstLine : lines[Math.max(0, Math.min(i, chars.length() - 1))];
        }

        String text(int from, int to) {
            return chars.substring(from, to);
        }
    }

    private static ParseResult read(String file, String text) {
        List<Chunk> chunks = chunks(text);
        Map<String, List<Question>> banks = new LinkedHashMap<>();
        String title = file.replaceFirst("\\.[^./\\\\]+$", "");
        for (Chunk chunk : chunks) {
            String all = chunk.chars.toString();
            if (all.startsWith("$CATEGORY:")) {
                int end = all.indexOf('\n');
                if (end >= 0 && !all.substring(end).isBlank()) {
                    throw new Refusal(
                            chunk.lineAt(end + 1),
                            "expected a blank line after the $CATEGORY line, before the next question");
                }
                String name = QuestionText.categoryName(all.substring("$CATEGORY:".length()));
                if (!name.isBlank()) {
                    title = name;
                }
                continue;
            }
            banks.computeIfAbsent(title, t -> new ArrayList<>()).add(question(chunk));
        }
        if (banks.isEmpty()) {
            return ParseResult.refused(new Diagnostic(
                    file, 0, "no questions: expected GIFT questions such as '::Q1:: Which …? {=right ~wrong ~wrong}'"));
        }
        List<QuestionBankContent> contents = banks.entrySet().stream()
                .map(e -> new QuestionBankContent(e.getKey(), e.getValue()))
                .toList();
        return new ParseResult(file, List.of(), contents, List.of());
    }

    /** The file cut into questions at blank lines, comment lines dropped and escapes undone. */
    private static List<Chunk> chunks(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Chunk current = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int number = n + 1;
            if (line.isBlank()) {
                current = null;
                continue;
            }
            if (line.strip().startsWith("//")) {
                continue; // a comment neither ends a question nor belongs to it
            }
            if (current == null) {
                current = new Chunk(number);
                chunks.add(current);
            } else {
                current.add('\n', false, number);
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(i + 1);
                    if ("\\:#={}~".indexOf(next) >= 0) {
                        current.add(next, true, number);
                        i++;
                        continue;
                    }
                    if (next == 'n') {
                        current.add('\n', true, number);
                        i++;
                        continue;
                    }
                }
                current.add(c, c == '\\', number);
            }
        }
        return chunks;
    }

    private static Question question(Chunk q) {
        int start = 0;
        int end = q.length();
        while (start < end && Character.isWhitespace(q.chars.charAt(start))) {
            start++;
        }
        if (q.markup(start, ':') && q.markup(start + 1, ':')) {
            int close = -1;
            for (int i = start + 2; i + 1 < end; i++) {
                if (q.markup(i, ':') && q.markup(i + 1, ':')) {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                throw new Refusal(q.lineAt(start), "the question's title '::…' is not closed with '::'");
            }
            start = close + 2;
        }
        int open = q.find('{', start, end);
        int firstClose = q.find('}', start, end);
        if (open < 0) {
            throw new Refusal(
                    q.lineAt(firstClose >= 0 ? firstClose : start),
                    firstClose >= 0
                            ? "a '}' without its '{' (write \\} for a brace in the text)"
                            : "a description (text without answers in braces {…}) is not a question:"
                                    + " Almanac imports multiple-choice and true/false questions");
        }
        int close = q.find('}', open + 1, end);
        if (close < 0) {
            throw new Refusal(q.lineAt(open), "the answers' '{' is never closed with '}'");
        }
        if (firstClose >= 0 && firstClose < open) {
            throw new Refusal(q.lineAt(firstClose), "a '}' without its '{' (write \\} for a brace in the text)");
        }
        int again = q.find('{', close + 1, end);
        if (again >= 0) {
            throw new Refusal(q.lineAt(again), "a second set of answers '{…}' in one question");
        }
        int stray = q.find('}', close + 1, end);
        if (stray >= 0) {
            throw new Refusal(q.lineAt(stray), "a '}' without its '{' (write \\} for a brace in the text)");
        }
        String before = q.text(start, open);
        String after = q.text(close + 1, end);
        String questionText = after.isBlank() ? before : before + BLANK + after;
        return build(q, questionText, open, close);
    }

    private static Question build(Chunk q, String questionText, int open, int close) {
        int line = q.firstLine;
        Formatted text = formatted(questionText.strip(), null);
        // the general feedback is after the last "####"
        int general = -1;
        for (int i = close - 4; i > open; i--) {
            if (q.markup(i, '#') && q.markup(i + 1, '#') && q.markup(i + 2, '#') && q.markup(i + 3, '#')) {
                general = i;
                break;
            }
        }
        int answersEnd = general >= 0 ? general : close;
        String explanation =
                general >= 0 ? plain(formatted(q.text(general + 4, close).strip(), text.kind), line) : "";
        String answers = q.text(open + 1, answersEnd).strip();
        int firstAnswer = open + 1;
        while (firstAnswer < answersEnd && Character.isWhitespace(q.chars.charAt(firstAnswer))) {
            firstAnswer++;
        }
        List<Question.Option> options = new ArrayList<>();
        List<String> answer;
        StringBuilder feedback = new StringBuilder();
        if (answers.isEmpty()) {
            throw new Refusal(
                    q.lineAt(open),
                    "an essay question ('{}' with no answers) cannot be held by Almanac:"
                            + " only multiple-choice and true/false questions are imported");
        } else if (q.markup(firstAnswer, '#')) {
            throw new Refusal(q.lineAt(open), QuestionText.unsupported("numerical"));
        } else if (q.find('~', open + 1, answersEnd) >= 0) {
            answer = multipleChoice(q, open + 1, answersEnd, text.kind, options, feedback);
        } else if (q.find('=', open + 1, answersEnd) >= 0 && answers.contains("->")) {
            throw new Refusal(q.lineAt(open), QuestionText.unsupported("match"));
        } else {
            int hash = q.find('#', open + 1, answersEnd);
            String word = (hash >= 0 ? q.text(open + 1, hash) : answers).strip();
            if (!TRUE_FALSE.matcher(word).matches()) {
                throw new Refusal(
                        q.lineAt(open),
                        QuestionText.unsupported("shortanswer") + " (a choice needs wrong answers marked ~)");
            }
            options.add(new Question.Option("A", "True"));
            options.add(new Question.Option("B", "False"));
            answer = List.of(word.startsWith("T") ? "A" : "B");
        }
        String all = (explanation + feedback).strip();
        QuestionText.Body body = QuestionText.body(text.text, text.kind, line);
        Question question =
                new Question(body.stem(), body.statements(), body.pairs(), options, answer, all.isEmpty() ? null : all);
        QuestionRules.Broken broken = QuestionRules.check(question);
        if (broken != null) {
            throw new Refusal(line, broken.message());
        }
        return question;
    }

    /** Reads "=right ~wrong ~%50%half #feedback" into options; returns the right options' labels. */
    private static List<String> multipleChoice(
            Chunk q, int from, int to, QuestionText.Kind kind, List<Question.Option> options, StringBuilder feedback) {
        List<Integer> starts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (q.markup(i, '~') || q.markup(i, '=')) {
                starts.add(i);
            }
        }
        if (!q.text(from, starts.get(0)).isBlank()) {
            throw new Refusal(
                    q.lineAt(from), "text inside the braces before the first answer: expected '=right' or '~wrong'");
        }
        if (starts.size() > 26) {
            throw new Refusal(
                    q.lineAt(from), "a question with " + starts.size() + " answers: at most 26 are taken (A–Z)");
        }
        List<BigDecimal> weights = new ArrayList<>();
        for (int n = 0; n < starts.size(); n++) {
            int s = starts.get(n);
            int e = n + 1 < starts.size() ? starts.get(n + 1) : to;
            int line = q.lineAt(s);
            String label = String.valueOf((char) ('A' + n));
            int body = s + 1;
            while (body < e && Character.isWhitespace(q.chars.charAt(body))) {
                body++;
            }
            BigDecimal weight = q.chars.charAt(s) == '=' ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
            Matcher w = WEIGHT.matcher(q.text(body, e));
            if (w.find()) {
                weight = new BigDecimal(w.group(1));
                if (weight.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new Refusal(line, "answer " + label + " weighs " + w.group(1) + "%: expected -100…100");
                }
                body += w.end();
            }
            weights.add(weight);
            int hash = q.find('#', body, e);
            String answerText =
                    plain(formatted(q.text(body, hash >= 0 ? hash : e).strip(), kind), line);
            if (answerText.isBlank()) {
                throw new Refusal(line, "answer " + label + " has no text");
            }
            options.add(new Question.Option(label, answerText));
            if (hash >= 0) {
                String said = plain(formatted(q.text(hash + 1, e).strip(), kind), line);
                if (!said.isBlank()) {
                    feedback.append("\n\n(").append(label).append(") ").append(said);
                }
            }
        }
        List<String> right = QuestionText.correct(weights);
        if (right.isEmpty()) {
            throw new Refusal(q.lineAt(from), "no answer is right: mark the right answer '=' (or several with ~%50%…)");
        }
        return right;
    }

    /** A text with its format: its own {@code [html]}-like marker, or else the question's. */
    private record Formatted(String text, QuestionText.Kind kind) {}

    private static Formatted formatted(String text, QuestionText.Kind inherited) {
        Matcher m = FORMAT.matcher(text);
        if (m.find()) {
            return new Formatted(text.substring(m.end()), QuestionText.Kind.of(m.group(1)));
        }
        return new Formatted(text, inherited == null ? QuestionText.Kind.AUTO : inherited);
    }

    private static String plain(Formatted text, int line) {
        return QuestionText.plain(text.text(), text.kind(), line);
    }
}
