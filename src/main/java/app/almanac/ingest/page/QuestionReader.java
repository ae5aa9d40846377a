package app.almanac.ingest.page;

import app.almanac.article.Question;
import app.almanac.ingest.read.QuestionRules;
import app.almanac.ingest.read.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads multiple-choice questions from lines of text, in the ways publishers write them:
 * "Q.", "Q1.", "Question 3:" or "1." numbering; options as (a), a), a., A) or 1.–4.; statement
 * questions ("Consider the following statements: 1. … 2. …", Statement-I / Statement-II);
 * match-the-pairs questions; answers inline ("Answer: D", "Ans: (b)", "Correct option: (c)") or
 * in an answer key at the end; explanations after "Explanation:" or "Solution:". Answers are
 * stored as capital letters; a question whose source gives no answer stays unanswered.
 */
final class QuestionReader {

    private static final Pattern PREFIXED_START = Pattern.compile(
            "^(?:Q(?:uestion|ues)?\\s*\\.?\\s*(?:no\\.?\\s*)?(\\d{1,3})?\\s*[.:)\\-–]|Q(\\d{1,3}))\\s*(?:\\.?\\)\\s*)?(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile("^\\(?(\\d{1,3})\\s*[.)]\\s*(.+)$");
    private static final Pattern LETTER_OPTION =
            Pattern.compile("^(?:\\(([A-Ha-h])\\)|([A-Ha-h])\\s*\\)|([A-Ha-h])\\.)\\s*(.+)$");
    private static final Pattern ANSWER = Pattern.compile(
            "^(?:(?:correct|right)\\s+)?(?:answer|ans|option|solution)s?\\.?\\s*(?:is)?\\s*[:\\-–]{0,2}\\s*(?:option\\s*)?"
                    + "\\(?([A-Ha-h1-8])\\)?((?:\\s*(?:,|and|&)\\s*\\(?[A-Ha-h1-8]\\)?)*)\\s*"
                    + "(?:\\.|is\\s+(?:the\\s+)?correct(?:\\s+answer)?\\.?)?$",
            Pattern.CASE_INSENSITIVE);
    /** "Answer: (a) African Union": the letter in brackets, then the option's text. */
    private static final Pattern ANSWER_WITH_TEXT = Pattern.compile(
            "^(?:(?:correct|right)\\s+)?(?:answer|ans)\\.?\\s*[:\\-–]{0,2}\\s*(?:option\\s*)?(?:\\(([A-Ha-h])\\)|([A-Ha-h])\\))\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** The answer said inside an explanation: "Therefore, option (b) is the correct answer", "Hence the answer is C". */
    private static final Pattern ANSWER_IN_EXPLANATION =
            Pattern.compile("(?i)(?:\\boption\\s*\\(?([a-d])\\)?\\s+is\\s+(?:the\\s+)?correct\\b"
                    + "|\\b(?:correct\\s+)?answer\\s+is\\s+(?:option\\s*)?\\(?([a-dA-D])\\)?(?![A-Za-z]))");
    /** "+ 2.0 - 0.66" after a test report's "Question 3.": the marks, not the stem. */
    private static final Pattern MARKS = Pattern.compile("^\\+\\s*\\d+(?:\\.\\d+)?\\s*[-–]\\s*\\d+(?:\\.\\d+)?$");
    /** A test report's block of numbers between the options and the explanation. */
    private static final Pattern ANALYTICS = Pattern.compile("(?i)^question\\s+analytics\\s*:?$");
    /** An answer's further labels ("A, C", "A and C"): each label letter or digit (the "a" of "and" is none). */
    private static final Pattern LABEL = Pattern.compile("(?<![A-Za-z])[A-Ha-h1-8](?![A-Za-z])");
    /** "Q.3 …", "Q3 …": a question number, not an option. */
    private static final Pattern Q_NUMBER = Pattern.compile("(?i)^q[.\\d].*");
    /** A line of rule characters (=====, -----). */
    private static final Pattern RULE = Pattern.compile("^[=\\-_*~.·•]{3,}$");

    private static final Pattern EXPLANATION = Pattern.compile(
            "^(?:(?:explanation|solution|explanations)\\s*[:\\-–]?|exp\\.?\\s*[:\\-–)])\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSWER_KEY = Pattern.compile(
            "^(?:answer\\s*key|answers|answer\\s*sheet|key\\s*to\\s*answers)\\b[^.?]{0,60}$", Pattern.CASE_INSENSITIVE);
    /** After a key, an explanation block for one question: "Q1. …", "Q.3) …". */
    private static final Pattern KEYED_EXPLANATION =
            Pattern.compile("^Q\\s*\\.?\\s*(\\d{1,3})\\s*[.:)]\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private static final Pattern KEY_ENTRY =
            Pattern.compile("(\\d{1,3})\\s*[.)]?\\s*[\\-:–—]?\\s*\\(?([A-Da-d])\\)?(?![A-Za-z])");
    private static final Pattern STATEMENTS_LEAD = Pattern.compile(
            "(?i)\\b(following statements|statements given below|statement-?\\s*I\\b|(?:consider|of|among)\\s+the\\s+following\\b[^?]*[:?]\\s*$)");
    /** "UPSC Mains Practice Question", "Mains Question": the descriptive question after the MCQs. */
    private static final Pattern MAINS_HEADING =
            Pattern.compile("(?i)^(?:upsc\\s+)?mains\\s+(?:practice\\s+)?questions?\\s*(?:\\([^)]*\\))?\\s*(?::.*)?$");
    /** "FAQs on …", "Frequently Asked Questions": the page's questions and answers, not multiple choice. */
    private static final Pattern FAQ_HEADING =
            Pattern.compile("(?i)^(?:faqs?|frequently\\s+asked\\s+questions)\\b[^?.]{0,120}$");
    /** "*** END OF TEST ***" and the like. */
    private static final Pattern END_OF_TEST =
            Pattern.compile("(?i)^\\W*end\\s+of\\s+(?:the\\s+)?(?:test|quiz|paper|questions)\\W*$");

    private static final Pattern EXPLANATIONS_HEADING =
            Pattern.compile("(?i)^(?:detailed\\s+)?explanations?\\b[^.:]{0,40}$");
    private static final Pattern PAIRS_LEAD =
            Pattern.compile("(?i)\\b(following pairs|match the following|match list)\\b");
    private static final Pattern ROMAN_STATEMENT =
            Pattern.compile("^Statement[\\s-]*(I{1,3}|IV|[1-4])\\s*[:.\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAIR_SEPARATOR = Pattern.compile("\\s+[—–-]\\s+|\\s*:\\s+|\\t|\\s+\\|\\s+");

    private final List<Line> lines;
    private final Trace trace;
    private final List<Draft> drafts = new ArrayList<>();
    /** The number of the line read before this one (blank lines leave gaps). */
    private int lastNumber;

    private Draft current;

    /** A question as it is being read. */
    private static final class Draft {
        final Line start;
        final int number;
        final StringBuilder stem = new StringBuilder();
        final List<Question.Statement> statements = new ArrayList<>();
        List<String> pairsHeader;
        final List<List<String>> pairRows = new ArrayList<>();
        boolean listOpen;
        boolean listClosed;
        final List<Question.Option> options = new ArrayList<>();
        boolean numericOptions;
        List<String> answer;
        Line answerLine;
        List<String> explanation;
        boolean analytics;
        boolean footer;
        boolean unnumbered;
        boolean bulletOptions;

        Draft(Line start, int number, String stemText) {
            this.start = start;
            this.number = number;
            this.stem.append(stemText.strip());
            listOpen = leadsToList(stemText);
        }

        boolean pairs() {
            return mentionsPairs(stem) && PAIRS_LEAD.matcher(stem).find();
        }

        boolean done() {
            return answer != null || explanation != null;
        }
    }

    /** "Consider the following statements/pairs": a cheap look before the patterns. */
    private static boolean leadsToList(CharSequence text) {
        String lower = text.toString().toLowerCase(Locale.ROOT);
        return (lower.contains("statement") || lower.contains("following"))
                        && STATEMENTS_LEAD.matcher(text).find()
                || mentionsPairs(lower) && PAIRS_LEAD.matcher(text).find();
    }

    private static boolean mentionsPairs(CharSequence text) {
        String lower = text.toString().toLowerCase(Locale.ROOT);
        return lower.contains("pairs") || lower.contains("match");
    }

    QuestionReader(List<Line> lines) {
        this(lines, Trace.OFF);
    }

    /** A reader that writes down in {@code trace} what each line became. */
    QuestionReader(List<Line> lines, Trace trace) {
        this.lines = lines;
        this.trace = trace;
    }

    /** The questions found; throws {@link Refusal} at the first line that fits nowhere. */
    List<Question> read() {
        boolean inKey = false;
        Map<Integer, List<String>> key = new HashMap<>();
        Map<Integer, Line> keyLines = new HashMap<>();
        Map<Integer, List<String>> keyedExplanations = new HashMap<>();
        List<String> keyedExplanation = null;
        for (Line line : lines) {
            String t = line.plain();
            if (line.boilerplate()
                    || (t.length() >= 3
                            && "=-_*~.·•".indexOf(t.charAt(0)) >= 0
                            && RULE.matcher(t).matches())
                    || (t.length() < 40
                            && t.toLowerCase(Locale.ROOT).contains("end of")
                            && END_OF_TEST.matcher(t).matches())) {
                trace.role(line, "skipped: boilerplate or a rule");
                if (line.boilerplate() && current != null && current.explanation != null) {
                    current.footer = true; // a share bar or a copyright line after the explanation: the footer
                }
                continue;
            }
            if (!drafts.isEmpty()
                    && (t.length() < 600
                            && "UuMm".indexOf(t.charAt(0)) >= 0
                            && MAINS_HEADING.matcher(t).matches())) {
                // a descriptive Mains question (and what follows it, such as FAQs) is not multiple choice
                skipRest(line, "skipped: a Mains question (not an MCQ)");
                break;
            }
            if (!drafts.isEmpty()
                    && "FfQq".indexOf(t.charAt(0)) >= 0
                    && FAQ_HEADING.matcher(t).matches()) {
                skipRest(line, "skipped: the page's FAQs (not MCQs)");
                break;
            }
            if ("AaKk".indexOf(t.charAt(0)) >= 0 && ANSWER_KEY.matcher(t).matches() && !t.contains(":")) {
                inKey = true;
                trace.role(line, "answer key begins");
                continue;
            }
            if (inKey
                    && keyedExplanation == null
                    && EXPLANATIONS_HEADING.matcher(t).matches()) {
                trace.role(line, "answer key: the explanations begin");
                continue;
            }
            if (inKey) {
                Matcher explained = KEYED_EXPLANATION.matcher(t);
                if (explained.matches()
                        && !keyEntriesOnly(t)
                        && (explained.group(2).isBlank() || Line.words(explained.group(2)) >= 3)) {
                    keyedExplanation = new ArrayList<>();
                    if (!explained.group(2).isBlank()) {
                        keyedExplanation.add(explained.group(2).strip());
                    }
                    keyedExplanations.put(Integer.parseInt(explained.group(1)), keyedExplanation);
                    if (trace.on()) {
                        trace.role(line, "explanation of question " + explained.group(1) + " (after the key)");
                    }
                    continue;
                }
                Matcher m = KEY_ENTRY.matcher(t);
                boolean any = false;
                List<String> entries = new ArrayList<>();
                while (keyedExplanation == null && m.find()) {
                    key.put(Integer.parseInt(m.group(1)), List.of(m.group(2).toUpperCase(Locale.ROOT)));
                    keyLines.put(Integer.parseInt(m.group(1)), line);
                    if (trace.on()) {
                        entries.add(m.group(1) + " → " + m.group(2).toUpperCase(Locale.ROOT));
                    }
                    any = true;
                }
                if (any) {
                    if (trace.on()) {
                        trace.role(line, "answer key: " + String.join(", ", entries));
                    }
                }
                if (!any) {
                    if (keyedExplanation != null) {
                        keyedExplanation.add(t);
                        trace.role(line, "explanation (after the key), continued");
                        continue;
                    }
                    if (!key.isEmpty()) {
                        // the key is over: what follows ("Must Read", comments) is the page's footer
                        skipRest(line, "skipped: footer after the key");
                        break;
                    }
                    throw new Refusal(line.number(), "expected answer-key entries such as '1. (c)' or '1-c, 2-b'");
                }
                continue;
            }
            read(line, t);
            lastNumber = line.number();
        }
        List<Question> questions = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.answer == null && key.containsKey(d.number)) {
                d.answer = key.get(d.number);
                d.answerLine = keyLines.get(d.number);
            }
            if (d.explanation == null && keyedExplanations.containsKey(d.number)) {
                d.explanation = keyedExplanations.get(d.number);
            }
            questions.add(finish(d, trace));
        }
        return questions;
    }

    /** "Q1. (b)   Q6. (a)": a line of a key's grid and nothing else, not the start of an explanation. */
    private static boolean keyEntriesOnly(String t) {
        return KEY_ENTRY
                .matcher(t)
                .replaceAll("")
                .replaceAll("(?i)[\\sq.,;|]", "")
                .isEmpty();
    }

    /** Marks {@code from} and every line after it as {@code role}. */
    private void skipRest(Line from, String role) {
        if (trace.on()) {
            lines.subList(lines.indexOf(from), lines.size()).forEach(l -> trace.role(l, role));
        }
    }

    /**
     * Options printed as bare lines after the stem's question ("…launched the mission?" then "GSLV-F15",
     * "PSLV-C60"…): two to five short lines, none a question, read as A, B, C… in order.
     */
    private static void unmarkedOptions(Draft d) {
        List<String> stemLines = List.of(d.stem.toString().split("\n"));
        int asked = -1;
        for (int i = 0; i < stemLines.size(); i++) {
            String l = stemLines.get(i).strip();
            if (l.endsWith("?") || l.endsWith(":")) {
                asked = i;
            }
        }
        List<String> rest = stemLines.subList(asked + 1, stemLines.size()).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (asked < 0
                || rest.size() < 2
                || rest.size() > 5
                || rest.stream().anyMatch(l -> Line.words(l) > 10 || l.endsWith("?") || l.endsWith("."))) {
            return;
        }
        for (String l : rest) {
            d.options.add(new Question.Option(String.valueOf((char) ('A' + d.options.size())), l));
        }
        d.stem.setLength(0);
        d.stem.append(String.join("\n", stemLines.subList(0, asked + 1)));
    }

    /** Whether a line's first character lets it be a lettered option ("(a)", "a)", "A."): a cheap look first. */
    private static boolean mayBeOption(String t) {
        char c = t.charAt(0);
        return c == '(' || (c >= 'A' && c <= 'H') || (c >= 'a' && c <= 'h');
    }

    /** A bullet drawn with a mark ("- ", "• "), not a number or a letter. */
    private static boolean markedBullet(String t) {
        return t.length() > 2 && "-•●–*▪◦".indexOf(t.charAt(0)) >= 0 && Character.isWhitespace(t.charAt(1));
    }

    /** Whether the stem has been asked: its last line ends in '?' or ':', and any list in it is closed. */
    private static boolean stemComplete(Draft d) {
        String stem = d.stem.toString().strip();
        boolean asked = stem.endsWith("?") || stem.endsWith(":");
        return asked
                && (!d.listOpen
                        || d.listClosed
                        || d.statements.isEmpty() && d.pairRows.isEmpty() && !stem.contains("\n"));
    }

    private static boolean footerLike(String t) {
        return Line.words(t) < 8 && !t.endsWith(".") || t.length() < 60 && t.equals(t.toUpperCase(Locale.ROOT));
    }

    /** Whether a line starts question 1 ("1.", "Q1.", "Q.1)", "Question 1."): where a bank begins. */
    static boolean firstQuestion(String t) {
        if (t.isEmpty() || !Character.isDigit(t.charAt(0)) && "Qq(".indexOf(t.charAt(0)) < 0) {
            return false;
        }
        Matcher m = PREFIXED_START.matcher(t);
        if (m.matches()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            return "1".equals(digits);
        }
        m = NUMBERED.matcher(t);
        return m.matches() && m.group(1).equals("1") && Line.words(m.group(2)) >= 4;
    }

    /** Whether a line starts question 1 with a question prefix ("Q1:", "Q.1)", "Question 1."), not a bare "1.". */
    static boolean firstPrefixedQuestion(String t) {
        if (t.isEmpty() || "Qq".indexOf(t.charAt(0)) < 0) {
            return false;
        }
        Matcher m = PREFIXED_START.matcher(t);
        return m.matches() && "1".equals(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Whether two or more lettered options follow line {@code i} within the next sixteen lines. */
    static boolean optionsFollow(List<Line> lines, int i) {
        int options = 0;
        for (int j = i + 1; j < Math.min(lines.size(), i + 16) && options < 2; j++) {
            if (looksLikeOption(lines.get(j).plain())) {
                options++;
            }
        }
        return options >= 2;
    }

    /** Whether a line heads a descriptive Mains question ("UPSC Mains Practice Question", "Mains Question: …"). */
    static boolean isMainsHeading(String t) {
        return !t.isEmpty()
                && t.length() < 600
                && "UuMm".indexOf(t.charAt(0)) >= 0
                && MAINS_HEADING.matcher(t).matches();
    }

    /** Whether a line heads an answer key ("Answer Key", "ANSWERS FOR '…' TEST YOUR KNOWLEDGE (TYK)"). */
    static boolean isAnswerKeyHeading(String t) {
        return "AaKk".indexOf(t.charAt(0)) >= 0 && ANSWER_KEY.matcher(t).matches() && !t.contains(":");
    }

    /** Whether a line starts a question ("Q1.", "Q.3)", "Question 2:", "4. …"). */
    static boolean looksLikeQuestionStart(String t) {
        return PREFIXED_START.matcher(t).matches() || NUMBERED.matcher(t).matches();
    }

    /** Whether a line gives an answer ("Answer: (b)", "Ans. D", "Answer: (a) text"). */
    static boolean looksLikeAnswer(String t) {
        return ANSWER.matcher(t).matches() || ANSWER_WITH_TEXT.matcher(t).matches();
    }

    /** Whether a line starts an explanation ("Explanation:", "Solution: …"). */
    static boolean looksLikeExplanation(String t) {
        return EXPLANATION.matcher(t).matches();
    }

    /** Whether a line looks like a lettered option: "(a) …", "a) …", "A. …". */
    static boolean looksLikeOption(String t) {
        return LETTER_OPTION.matcher(t).matches();
    }

    private void read(Line line, String t) {
        Matcher m;
        if ("Qq".indexOf(t.charAt(0)) >= 0 && (m = PREFIXED_START.matcher(t)).matches() && !startsLikeOption(t)) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            String stem = MARKS.matcher(m.group(3).strip()).matches() ? "" : m.group(3);
            begin(line, digits == null ? drafts.size() + 1 : Integer.parseInt(digits), stem);
            return;
        }
        readPart(line, t);
        if (trace.on() && trace.roleOf(line.number()) == null && current != null) {
            if (trace.on()) {
                trace.role(line, "question " + current.number + ": stem");
            }
        }
    }

    private void readPart(Line line, String t) {
        Matcher m;
        Matcher numbered = NUMBERED.matcher(t);
        if (current == null) {
            if (numbered.matches()) {
                begin(line, Integer.parseInt(numbered.group(1)), numbered.group(2));
                return;
            }
            if (!drafts.isEmpty()
                    || LETTER_OPTION.matcher(t).matches()
                    || ANSWER.matcher(t).matches()) {
                throw new Refusal(line.number(), "expected a question such as 'Q1. …' or '1. …'");
            }
            // a practice block's one question, unnumbered (it must have options: see finish)
            begin(line, 1, t);
            current.unnumbered = true;
            return;
        }
        Draft d = current;
        if (numbered.matches() && startsNextQuestion(d, Integer.parseInt(numbered.group(1)))) {
            begin(line, Integer.parseInt(numbered.group(1)), numbered.group(2));
            return;
        }
        // two or more blank lines after the options, then a line that is none of a question's parts: the footer
        if (d.footer
                || !d.options.isEmpty()
                        && d.explanation == null
                        && !d.analytics
                        && line.number() - lastNumber >= 3
                        && Line.words(t) <= 16
                        && !t.endsWith(".")
                        && !t.endsWith("?")
                        && !(t.length() < 30
                                && "Qq".indexOf(t.charAt(0)) >= 0
                                && ANALYTICS.matcher(t).matches())
                        && !ANSWER.matcher(t).matches()
                        && !ANSWER_WITH_TEXT.matcher(t).matches()
                        && !EXPLANATION.matcher(t).matches()
                        && !LETTER_OPTION.matcher(t).matches()) {
            d.footer = true;
            trace.role(line, "skipped: the page's footer");
            return;
        }
        if (d.explanation != null) {
            // two or more blank lines, then a short line that is not a sentence: the page's footer has begun
            // ("Share this article", "Related Posts", "Tags: …"), and nothing after it belongs to the question
            if (d.footer || line.number() - lastNumber >= 3 && footerLike(t)) {
                d.footer = true;
                trace.role(line, "skipped: the page's footer");
                return;
            }
            d.explanation.add(t);
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": explanation");
            }
            return;
        }
        if ((t.length() < 30
                && "Qq".indexOf(t.charAt(0)) >= 0
                && ANALYTICS.matcher(t).matches())) {
            d.analytics = true;
            trace.role(line, "skipped: question analytics");
            return;
        }
        if (d.analytics && !EXPLANATION.matcher(t).matches()) {
            trace.role(line, "skipped: question analytics");
            return; // "Time taken: 00:01:12", "Correct: 41%", "5120 USERS": numbers about the question, not of it
        }
        if ("AaCcRr".indexOf(t.charAt(0)) >= 0
                && (m = ANSWER_WITH_TEXT.matcher(t)).matches()
                && d.answer == null
                && !d.options.isEmpty()) {
            String label = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
            if (d.options.stream().anyMatch(o -> o.label().equals(label))) {
                d.answer = new ArrayList<>(List.of(label));
                d.answerLine = line;
                if (trace.on()) {
                    trace.role(line, "question " + d.number + ": answer " + label);
                }
                return;
            }
        }
        if (d.answer == null && "CcAaOoSsRr".indexOf(t.charAt(0)) >= 0 && (m = ANSWER.matcher(t)).matches()) {
            d.answer = new ArrayList<>();
            d.answer.add(answerLabel(d, m.group(1), line));
            Matcher more = LABEL.matcher(m.group(2));
            while (more.find()) {
                d.answer.add(answerLabel(d, more.group(), line));
            }
            d.answerLine = line;
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": answer " + String.join("", d.answer));
            }
            return;
        }
        if ("EeSs".indexOf(t.charAt(0)) >= 0 && (m = EXPLANATION.matcher(t)).matches()) {
            d.explanation = new ArrayList<>();
            if (!m.group(1).isBlank()) {
                d.explanation.add(m.group(1).strip());
            }
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": explanation");
            }
            return;
        }
        if (d.answer != null) {
            // the explanation on the bare line after the answer
            d.explanation = new ArrayList<>(List.of(t));
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": explanation (unlabelled, after the answer)");
            }
            return;
        }
        if (d.options.isEmpty() && d.listOpen && !d.listClosed && readListLine(d, t)) {
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": " + (d.pairs() ? "pair" : "statement"));
            }
            return;
        }
        if (markedBullet(t)
                && !d.numericOptions
                && (d.options.isEmpty() ? stemComplete(d) : d.bulletOptions)
                && !LETTER_OPTION.matcher(t).matches()) {
            // options that lost their letters ("- Rises", "- Falls"): A, B, C, D in order
            d.bulletOptions = true;
            d.options.add(new Question.Option(
                    String.valueOf((char) ('A' + d.options.size())),
                    line.bullet().strip()));
            if (trace.on()) {
                trace.role(
                        line,
                        "question " + d.number + ": option "
                                + d.options.get(d.options.size() - 1).label() + " (unlettered)");
            }
            return;
        }
        if (!d.numericOptions && mayBeOption(t) && (m = LETTER_OPTION.matcher(t)).matches()) {
            String label = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            d.options.add(new Question.Option(
                    label.toUpperCase(Locale.ROOT), m.group(4).strip()));
            if (trace.on()) {
                trace.role(line, "question " + d.number + ": option " + label.toUpperCase(Locale.ROOT));
            }
            return;
        }
        if (numbered.matches() && (d.options.isEmpty() || d.numericOptions)) {
            int n = Integer.parseInt(numbered.group(1));
            if (n == d.options.size() + 1 && n <= 8) {
                d.numericOptions = true;
                d.options.add(new Question.Option(
                        String.valueOf((char) ('A' + n - 1)), numbered.group(2).strip()));
                if (trace.on()) {
                    trace.role(
                            line,
                            "question " + d.number + ": option " + (char) ('A' + n - 1) + " (numbered " + n + ")");
                }
                return;
            }
        }
        if (d.options.isEmpty()) {
            if (d.stem.isEmpty()) {
                d.stem.append(t);
                d.listOpen = leadsToList(t);
                return;
            }
            if (d.listOpen && (!d.statements.isEmpty() || !d.pairRows.isEmpty())) {
                d.listClosed = true;
                d.stem.append("\n\n").append(t);
            } else {
                d.stem.append('\n').append(t);
            }
            if (!d.listOpen && leadsToList(t)) {
                d.listOpen = true;
            }
            return;
        }
        throw new Refusal(
                line.number(),
                "expected an option such as '(a) …', an 'Answer:' line or 'Explanation:' "
                        + "in the question that starts on line " + d.start.number());
    }

    /** "A. P. J. …" is a stem; "(a) …" right after a question would not be. */
    private boolean startsLikeOption(String t) {
        return current != null
                && !current.done()
                && mayBeOption(t)
                && LETTER_OPTION.matcher(t).matches()
                && !Q_NUMBER.matcher(t).matches();
    }

    /** A statement, a pair, or a pairs header line; false when the line is none of them. */
    private static boolean readListLine(Draft d, String t) {
        Matcher m = ROMAN_STATEMENT.matcher(t);
        if (m.matches()) {
            d.statements.add(new Question.Statement(
                    m.group(1).toUpperCase(Locale.ROOT), m.group(2).strip()));
            return true;
        }
        m = NUMBERED.matcher(t);
        if (d.pairs()) {
            String cells = m.matches() ? m.group(2) : t;
            String[] split = PAIR_SEPARATOR.split(cells.strip(), -1);
            if (split.length >= 2 && split.length <= 4 && !cells.endsWith("?")) {
                List<String> row = List.of(split).stream().map(String::strip).toList();
                if (m.matches()) {
                    d.pairRows.add(row);
                } else if (d.pairRows.isEmpty() && d.pairsHeader == null) {
                    d.pairsHeader = row;
                } else {
                    return false;
                }
                return true;
            }
            return false;
        }
        if (m.matches()) {
            d.statements.add(new Question.Statement(m.group(1), m.group(2).strip()));
            return true;
        }
        return false;
    }

    private boolean startsNextQuestion(Draft d, int n) {
        if (d.done()) {
            // answered (or explained): a numbered line can no longer be one of its statements
            return n == d.number + 1 || d.explanation == null;
        }
        if (d.listOpen && !d.listClosed && d.options.isEmpty()) {
            return false;
        }
        if (d.numericOptions && n == d.options.size() + 1 && d.options.size() < 4) {
            return false;
        }
        return d.options.size() >= 2 && n == d.number + 1;
    }

    private void begin(Line line, int number, String stem) {
        current = new Draft(line, number, stem);
        drafts.add(current);
        if (trace.on()) {
            trace.role(line, "question " + number);
        }
    }

    private static String answerLabel(Draft d, String written, Line line) {
        if (Character.isDigit(written.charAt(0))) {
            if (!d.numericOptions) {
                throw new Refusal(
                        line.number(), "the answer '" + written + "' is a number but the options are lettered");
            }
            return String.valueOf((char) ('A' + Integer.parseInt(written) - 1));
        }
        return written.toUpperCase(Locale.ROOT);
    }

    private static Question finish(Draft d, Trace trace) {
        if (d.options.isEmpty() && d.pairRows.isEmpty()) {
            unmarkedOptions(d);
            if (!d.options.isEmpty()) {
                if (trace.on()) {
                    trace.unsure(
                            d.start.number(),
                            "question " + d.number + ": the lines after its question were read as options A–"
                                    + d.options.get(d.options.size() - 1).label() + " in order (they had no letters)");
                }
            }
        }
        if (d.unnumbered && d.options.isEmpty()) {
            throw new Refusal(d.start.number(), "expected a question such as 'Q1. …' or '1. …'");
        }
        if (d.options.isEmpty()
                && d.statements.size() >= 2
                && d.statements.size() <= 5
                && !d.listClosed
                && d.statements.stream().allMatch(st -> st.label().matches("\\d"))) {
            // "Which of the following …?" then 1.–4.: those were the options, numbered
            for (Question.Statement st : d.statements) {
                d.options.add(new Question.Option(
                        String.valueOf((char) ('A' + Integer.parseInt(st.label()) - 1)), st.text()));
            }
            d.statements.clear();
            d.numericOptions = true;
            if (d.answer != null) {
                d.answer = d.answer.stream()
                        .map(a -> a.matches("\\d") ? String.valueOf((char) ('A' + Integer.parseInt(a) - 1)) : a)
                        .toList();
            }
        }
        if (d.answer == null && d.explanation != null) {
            // a test report gives the answer only inside the explanation; the last such sentence is the verdict
            Matcher said = ANSWER_IN_EXPLANATION.matcher(String.join("\n", d.explanation));
            String letter = null;
            while (said.find()) {
                letter = said.group(1) != null ? said.group(1) : said.group(2);
            }
            if (letter != null) {
                d.answer = List.of(letter.toUpperCase(Locale.ROOT));
                d.answerLine = d.start;
                if (trace.on()) {
                    trace.unsure(
                            d.start.number(),
                            "question " + d.number + ": the answer " + d.answer.get(0)
                                    + " was read from its explanation (no answer line)");
                }
            }
        }
        if (d.answer == null || d.answer.isEmpty()) {
            if (trace.on()) {
                trace.unsure(d.start.number(), "question " + d.number + " gives no answer: it is left unanswered");
            }
        }
        Set<String> correct = new TreeSet<>(d.answer == null ? List.of() : d.answer);
        Question.Pairs pairs = d.pairRows.isEmpty() ? null : new Question.Pairs(d.pairsHeader, d.pairRows);
        String explanation =
                d.explanation == null || d.explanation.isEmpty() ? null : String.join("\n\n", d.explanation);
        Question question =
                new Question(d.stem.toString(), d.statements, pairs, d.options, List.copyOf(correct), explanation);
        QuestionRules.Broken broken = QuestionRules.check(question);
        if (broken != null) {
            throw new Refusal(
                    broken.part() == QuestionRules.Part.ANSWER ? d.answerLine.number() : d.start.number(),
                    broken.message());
        }
        return question;
    }
}
