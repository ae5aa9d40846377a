package app.almanac.ingest.page;

import app.almanac.article.ArticleContent;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.Section;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseExplanation;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.read.Refusal;
import app.almanac.ingest.read.TextDecoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads analyses pasted as plain text, in the layouts Indian current-affairs publishers use:
 *
 * <ul>
 *   <li>publisher and series lines, the title, then the date with the category after it
 *       ("26th February, 2024 International News");</li>
 *   <li>the title, the date, then metadata such as "Part of: GS Prelims and GS-II – Governance",
 *       "Syllabus: Prelims &amp; Mains – POLITY", "Focus: GS2. Topic: …", "Category: …",
 *       "Tags: …", "Note4Students" with "Prelims level: …" / "Mains level: …";</li>
 *   <li>a page of several topics of one day: a line naming the date, then each topic's title
 *       (optionally numbered) directly followed by such a metadata line or by "Context:",
 *       "In news:" or "Why in News?"; each topic becomes its own article.</li>
 * </ul>
 *
 * The body is read by {@link BodyReader} and the questions by {@link QuestionReader}. A text with
 * no article header but numbered questions is read as a question bank. Pure and thread-safe.
 */
public final class TextArticleParser {

    /** How far into a file the date may be: past that, a file has no article header. */
    private static final int HEADER_LINES = 12;

    private static final Pattern SERIES =
            Pattern.compile("(?i)\\b(news analysis|current affairs|editorial|daily|weekly|monthly|digest|news)\\b");
    private static final Pattern TOPIC_NUMBER =
            Pattern.compile("^(?:\\d{1,2}\\s*[.)]|topic\\s*\\d{1,2}\\s*[:.\\-–)])\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final int BANK_HEADER_LINES = 16;
    private static final Pattern LINK_TAIL =
            Pattern.compile("(?i)^(?:insta\\s*links?|mains\\s+links?|prelims\\s+links?)\\s*:?.{0,200}$");

    /** Parses one file's text; {@code file} only names where problems are. */
    public ParseResult parse(String file, String text) {
        return parse(file, text, Trace.OFF);
    }

    /**
     * How {@code text} is read, line by line: each line's kind and what it became, and what the parser is
     * unsure of; {@code result} is its parse as the import sees it (the unsure list is kept only when it
     * was not refused).
     */
    public ParseExplanation explain(String file, String text, ParseResult result) {
        Trace trace = Trace.recording();
        try {
            parse(file, text, trace);
        } catch (RuntimeException | StackOverflowError e) {
            // the import's parse already turned this into a diagnostic; the lines are still worth showing
        }
        List<ParseExplanation.Reading> lines = new ArrayList<>();
        for (Line line : Line.split(TextDecoder.normalise(text))) {
            String role = trace.roleOf(line.number());
            lines.add(new ParseExplanation.Reading(
                    line.number(), line.plain(), line.kind().label, role == null ? "—" : role));
        }
        List<Diagnostic> unsure = trace.unsure().stream()
                .map(d -> new Diagnostic(file, d.line(), d.message()))
                .toList();
        return new ParseExplanation("text", lines, result.ok() ? unsure : List.of(), result);
    }

    /** The same parse, writing down in {@code trace} what each line became. */
    ParseResult parse(String file, String text, Trace trace) {
        List<Line> lines = Line.split(TextDecoder.normalise(text));
        if (lines.isEmpty()) {
            return ParseResult.refused(
                    new Diagnostic(file, 1, "empty file: expected an article (a title line, then a date line)"));
        }
        try {
            return read(file, lines, trace);
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        }
    }

    private ParseResult read(String file, List<Line> lines, Trace trace) {
        int bankStart = bankStart(lines);
        if (bankStart >= 0) {
            return ParseResult.ofBank(file, bank(file, lines, bankStart, trace));
        }
        List<Integer> starts = articleStarts(lines);
        if (starts.isEmpty()) {
            int dateIndex = firstDateLine(lines);
            if (dateIndex > 0) {
                starts = List.of(dateIndex - 1);
            } else if (dateIndex == 0 && !looksLikeQuestions(lines)) {
                throw new Refusal(
                        lines.get(0).number(),
                        "no title: the file starts with a date; expected the title on the line before it");
            } else if (looksLikeQuestions(lines)) {
                return ParseResult.ofBank(file, bank(file, lines, 0, trace));
            } else {
                throw new Refusal(
                        lines.get(0).number(),
                        "no recognisable title: expected a title line followed by "
                                + "a date line such as '26th February, 2024' within the first " + HEADER_LINES
                                + " lines");
            }
        }
        while (starts.size() > 1 && headerOnly(lines.subList(starts.get(0), starts.get(1)))) {
            // "IASbaba" over "March 14, 2023", "0", "Archives", or a table of contents: the page's header
            if (trace.on()) {
                trace.unsure(
                        lines.get(starts.get(1)).number(),
                        "the title was chosen below '"
                                + lines.get(starts.get(0)).plain()
                                + "', which also looked like one (read as the page's header)");
            }
            starts = starts.subList(1, starts.size());
        }
        Preamble preamble = preamble(lines.subList(0, starts.get(0)), trace);
        List<ArticleContent> articles = new ArrayList<>();
        List<Integer> open = new ArrayList<>(starts);
        for (int s = 0; s < open.size(); s++) {
            int end = s + 1 < open.size() ? open.get(s + 1) : lines.size();
            try {
                articles.add(article(lines.subList(open.get(s), end), preamble, trace));
            } catch (Refusal.Empty empty) {
                if (s + 1 >= open.size()) {
                    throw empty;
                }
                if (trace.on()) {
                    trace.unsure(
                            lines.get(open.get(s + 1)).number(),
                            "'" + lines.get(open.get(s + 1)).plain() + "' looked like the title of a new article but"
                                    + " was read as part of the one above it (which had no text of its own)");
                }
                // what looked like the next title (a tag or label line) is this article's: read them as one
                open.remove(s + 1);
                s--;
            }
        }
        return ParseResult.of(file, articles);
    }

    /**
     * What comes before the first article: publisher, series, a date for the whole page, and a paper
     * line ("G.S II - Governance") that gives the category and the paper.
     */
    private record Preamble(
            String publisher,
            String series,
            LocalDate date,
            String category,
            List<String> syllabus,
            List<String> lines) {

        /** Whether {@code t} repeats a line of the header (or the start of one): alt text, not content. */
        boolean repeats(String t) {
            return t.length() >= 20 && lines.stream().anyMatch(l -> l.equals(t) || l.startsWith(t));
        }
    }

    /** "Sources:", "References" alone on a line: the sources are the lines under it. */
    private static final Pattern SOURCES_LABEL = Pattern.compile("(?i)^(?:sources?|references?)\\s*:?$");

    /** "Table of Contents:", "Contents": a page's list of its articles, never one of them. */
    private static final Pattern TABLE_OF_CONTENTS = Pattern.compile("(?i)^(?:table\\s+of\\s+)?contents\\s*:?$");

    /** "Back2Basics: X": the CivilsDaily background note, which may follow a previous-year question. */
    private static final Pattern BACK_TO_BASICS = Pattern.compile("(?i)^back\\s*2\\s*basics\\b.*");

    /** "G.S II - Governance", "GS III – Economy": a paper and a subject on one line before the title. */
    private static final Pattern PAPER_LINE = Pattern.compile(
            "^G\\.?\\s*S\\.?\\s*(I{1,3}|IV|[1-4])\\s*[-–—:]\\s*(\\S.{0,60})$", Pattern.CASE_INSENSITIVE);

    /** A short line that is a label, not a sentence: a category or theme tag. */
    private static boolean tagLine(Line line) {
        String t = line.plain();
        return !line.boilerplate()
                && Line.words(t) <= 6
                && !t.endsWith(".")
                && !t.endsWith(":")
                && line.metadata() == null
                && Cues.context(line) == null
                && !startsWithDate(line);
    }

    private static Preamble preamble(List<Line> lines, Trace trace) {
        String publisher = null;
        String series = null;
        LocalDate date = null;
        String category = null;
        List<String> syllabus = new ArrayList<>();
        for (Line line : lines) {
            String t = line.plain();
            if (line.boilerplate()) {
                trace.role(line, "skipped: boilerplate");
                continue;
            }
            Matcher paper = PAPER_LINE.matcher(t);
            if (paper.matches() && category == null) {
                category = paper.group(2).strip();
                syllabus.add("GS-" + roman(paper.group(1)));
                trace.role(line, "page header: category and paper");
                continue;
            }
            Optional<DateInLine> found = dateIn(line);
            if (found.isPresent() && date == null) {
                date = found.get().date();
                String rest = found.get().before().isEmpty()
                        ? found.get().after()
                        : found.get().before();
                if (!rest.isEmpty() && series == null) {
                    series = rest;
                }
                if (trace.on()) {
                    trace.role(line, "page header: date" + (rest.isEmpty() ? "" : " (and series)"));
                }
                continue;
            }
            if (series == null && (publisher != null || SERIES.matcher(t).find())) {
                series = t;
                trace.role(line, "page header: series");
            } else if (publisher == null) {
                publisher = t;
                trace.role(line, "page header: publisher");
            } else {
                trace.role(line, "skipped: page header");
            }
        }
        return new Preamble(
                publisher,
                series,
                date,
                category,
                syllabus,
                lines.stream().map(Line::plain).toList());
    }

    /** A line starts an article when a title is directly followed by a date or an opener line. */
    private static List<Integer> articleStarts(List<Line> lines) {
        List<Integer> starts = new ArrayList<>();
        boolean inQuestions = false;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String t = lines.get(i).plain();
            if (Cues.isPracticeHeading(lines.get(i))) {
                inQuestions = true;
                continue;
            }
            if (metadataBeforeTitle(lines, i)) {
                // "GS Paper : 2", "Topics Covered: …", then the title ending in ':' (InsightsIAS); a line just above
                // it that looked like a title (an entry of the table of contents) is not one
                while (!starts.isEmpty() && i - starts.get(starts.size() - 1) <= 2) {
                    starts.remove(starts.size() - 1);
                }
                starts.add(i);
                inQuestions = false;
                i = titleAfterMetadata(lines, i);
                continue;
            }
            if (!titleLike(lines.get(i))) {
                continue;
            }
            if (i + 2 < lines.size() && startsGroup(lines.get(i)) && colonTitleOverProse(lines, i + 1)) {
                // "Facts for Prelims:", then a title ending in ':' over its lead paragraph (InsightsIAS)
                starts.add(i + 1);
                inQuestions = false;
                i++;
                continue;
            }
            if (themeTag(lines, i + 1) && (starts.isEmpty() || i - starts.get(starts.size() - 1) > 2)) {
                // a title, then the theme it is filed under, then "Note4Students" (a page with no date line)
                starts.add(i);
                inQuestions = false;
                i++;
                continue;
            }
            Line next = lines.get(i + 1);
            boolean opener = isOpener(next);
            boolean dated = i < HEADER_LINES + 2 && startsWithDate(next)
                    || Header.labelledDate(next).isPresent();
            if (opener || dated && (starts.isEmpty() || i + 2 < lines.size() && isOpener(lines.get(i + 2)))) {
                // inside a practice block only a dated title (a new topic) can start an article
                if (inQuestions && !dated && !opener) {
                    continue;
                }
                // a title, its date, then a tag line before the opener: the tag line is the category, not a new title
                if (!starts.isEmpty() && i - starts.get(starts.size() - 1) <= 2) {
                    continue;
                }
                // the page's document title again (an image's alt text) right above the opener: the title is above it
                if (starts.isEmpty() && i > 0 && repeatsEarlier(lines, i) && titleLike(lines.get(i - 1))) {
                    starts.add(i - 1);
                    inQuestions = false;
                    continue;
                }
                starts.add(i);
                inQuestions = false;
            }
        }
        return starts;
    }

    private static final Pattern GROUP =
            Pattern.compile("(?i)^(?:facts\\s+for\\s+prelims|prelims\\s+facts|editorials?|miscellaneous)\\s*:?$");

    /** "Facts for Prelims:": a heading that groups the articles after it on a page of several. */
    private static boolean startsGroup(Line line) {
        String t = line.plain();
        return t.length() <= 24
                && "FfPpEeMm".indexOf(t.charAt(0)) >= 0
                && GROUP.matcher(t).matches();
    }

    /** A short title ending in ':' directly over a paragraph of prose (its lead). */
    private static boolean colonTitleOverProse(List<Line> lines, int k) {
        Line title = lines.get(k);
        return k + 1 < lines.size()
                && title.plain().endsWith(":")
                && title.words() <= 20
                && title.metadata() == null
                && Cues.context(title) == null
                && !title.isBullet()
                && lines.get(k + 1).words() >= 12
                && !lines.get(k + 1).isBullet();
    }

    /**
     * Whether a line is written as a label, not a headline: every word of four letters or more capitalised
     * ("Wildlife Conservation Efforts", "ISRO Missions and Discoveries"); a headline has lower-case words
     * ("ISRO achieves its first space docking").
     */
    private static boolean labelCase(String t) {
        boolean any = false;
        for (String word : t.split("\\s+")) {
            if (word.length() >= 4 && Character.isLetter(word.charAt(0))) {
                if (!Character.isUpperCase(word.charAt(0))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether line {@code k} is the syllabus theme a note is filed under: a short label (not a sentence, a
     * label line or a date) directly above "Note4Students".
     */
    private static boolean themeTag(List<Line> lines, int k) {
        if (k + 1 >= lines.size()) {
            return false;
        }
        int n = k + 1;
        boolean note = false;
        for (int j = n; j < lines.size() && j <= k + 4 && !note; j++) {
            note = lines.get(j).plain().regionMatches(true, 0, "note4students", 0, 13);
        }
        if (!note) {
            return false; // no Note4Students near: the usual case, decided before any pattern
        }
        Line tag = lines.get(k);
        String t = tag.plain();
        while (n + 1 < lines.size() && n <= k + 3 && (lines.get(n).boilerplate() || startsWithDate(lines.get(n)))) {
            n++; // a date line or a share bar between them
        }
        String next = lines.get(n).plain();
        return next.regionMatches(true, 0, "note4students", 0, 13)
                && tag.words() <= 12
                && !t.endsWith(".")
                && !t.endsWith(":")
                && !t.endsWith("?")
                && !tag.isBullet()
                && tag.metadata() == null
                && Cues.context(tag) == null
                && !startsWithDate(tag);
    }

    /** Paper and topic lines, then a short title ending in ':', then prose: an article whose header comes first. */
    private static boolean metadataBeforeTitle(List<Line> lines, int i) {
        return titleAfterMetadata(lines, i) >= 0;
    }

    /**
     * Where the title is when an article's header comes before it: paper and topic lines ("GS Paper : 2" and
     * "Topics Covered: …", or "Focus: GS2." and "Topic: …"), perhaps an image's alt text ("Image result for …"),
     * then a short title (ending in ':' on some pages) over a paragraph of prose; -1 when line {@code i} starts
     * no such header.
     */
    private static int titleAfterMetadata(List<Line> lines, int i) {
        if (i + 3 >= lines.size()
                || lines.get(i).metadata() == null
                || lines.get(i).metadata().syllabus().isEmpty()) {
            return -1;
        }
        if (lines.get(i + 1).metadata() == null) {
            return titleAfterPaper(lines, i);
        }
        int t = i + 2;
        if (IMAGE_ALT.matcher(lines.get(t).plain()).matches() && t + 2 < lines.size()) {
            t++;
        }
        Line title = lines.get(t);
        String text = title.plain();
        boolean shortTitle = Line.words(text) <= 20
                && !text.endsWith(".")
                && title.metadata() == null
                && Cues.context(title) == null
                && !title.isBullet();
        int lead = t + 1;
        if (lead + 1 < lines.size()
                && IMAGE_ALT.matcher(lines.get(lead).plain()).matches()) {
            lead++; // the image's alt text under the title
        }
        boolean prose = lead < lines.size() && lines.get(lead).words() >= 12;
        return shortTitle && (text.endsWith(":") || prose) ? t : -1;
    }

    /**
     * One paper line ("GS2/International Relations"), then the title, then (past an image's alt text or the
     * page's document title repeated) a credit or a context line: where the title is, or -1.
     */
    private static int titleAfterPaper(List<Line> lines, int i) {
        int t = i + 1;
        if (!titleLike(lines.get(t)) || lines.get(t).plain().endsWith(":")) {
            return -1;
        }
        int k = t + 1;
        while (k < lines.size()
                && k <= t + 2
                && (IMAGE_ALT.matcher(lines.get(k).plain()).matches()
                        || repeatsEarlier(lines, k)
                        || lines.get(k).plain().contains(" | "))) {
            // alt text, or the page's document title repeated ("Daily Current Affairs (…) | … - UPSC")
            k++;
        }
        return k < lines.size()
                        && k > t + 1
                        && (Cues.credit(lines.get(k)) != null || Cues.context(lines.get(k)) != null)
                ? t
                : -1;
    }

    /** "Image result for …", "Image: …": an image's alt text where a title might be expected. */
    private static final Pattern IMAGE_ALT = Pattern.compile("(?i)^(?:image\\s+result\\s+for|image\\s*:)\\s*.+$");

    /** A segment of short header lines (a name, a date, counters, labels) with no opener or prose. */
    private static boolean headerOnly(List<Line> segment) {
        return segment.size() <= 8
                && segment.stream()
                        .noneMatch(l -> Cues.context(l) != null
                                || l.words() > 8
                                || l.plain().endsWith("."));
    }

    /** Whether line {@code i} repeats (or begins) a line above it, as a page's alt text repeats its document title. */
    private static boolean repeatsEarlier(List<Line> lines, int i) {
        String t = lines.get(i).plain();
        for (int k = 0; k < i - 1; k++) {
            String earlier = lines.get(k).plain();
            if (t.length() >= 20 && (earlier.equals(t) || earlier.startsWith(t))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an opener (or a credit) comes at line {@code k}, past any boilerplate such as a copyright notice. */
    private static boolean openerFollows(List<Line> lines, int k) {
        while (k < lines.size() && lines.get(k).boilerplate()) {
            k++;
        }
        return k < lines.size() && (isOpener(lines.get(k)) || Cues.credit(lines.get(k)) != null);
    }

    private static boolean isOpener(Line line) {
        return line.metadata() != null || Cues.context(line) != null || Cues.isSyllabusHeading(line);
    }

    private static boolean titleLike(Line line) {
        String t = line.plain();
        String bare = stripTopicNumber(t);
        if (bare.length() < 3
                || bare.length() > 200
                || bare.endsWith(".")
                || bare.endsWith(",")
                || line.boilerplate()
                || (bare == t ? line.words() : Line.words(bare)) > 24) {
            return false;
        }
        return line.metadata() == null
                && Cues.context(line) == null
                && Cues.credit(line) == null
                && !Cues.isPracticeHeading(line)
                && !Cues.isNoteLead(t)
                && !TABLE_OF_CONTENTS.matcher(bare).matches()
                && !(line.isBullet() && !TOPIC_NUMBER.matcher(t).matches())
                && !startsWithDate(line)
                && Character.isLetterOrDigit(bare.codePointAt(0));
    }

    private static String roman(String paper) {
        return switch (paper.toUpperCase(java.util.Locale.ROOT)) {
            case "1" -> "I";
            case "2" -> "II";
            case "3" -> "III";
            case "4" -> "IV";
            default -> paper.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String stripTopicNumber(String t) {
        char c = t.isEmpty() ? ' ' : t.charAt(0);
        if (!Character.isDigit(c) && c != 't' && c != 'T') {
            return t;
        }
        Matcher m = TOPIC_NUMBER.matcher(t);
        return m.matches() ? m.group(1).strip() : t;
    }

    /**
     * Where the page's footer begins, or {@code lines.size()}: after two or more blank lines, a run of
     * lines to the end that are all boilerplate or short labels, not sentences or bullets ("Reference",
     * "Related Articles", "Book a free session…", "WhatsApp Telegram"). No practice heading may follow.
     */
    private static int footerStart(List<Line> lines) {
        int start = lines.size();
        for (int k = lines.size() - 1; k >= 1; k--) {
            Line line = lines.get(k);
            boolean footerLike = line.boilerplate()
                    || (!line.isBullet() || line.words() <= 6)
                            && line.words() <= 16
                            && !line.plain().endsWith(".")
                            && !Cues.isPracticeHeading(line)
                            && line.metadata() == null
                            && Cues.credit(line) == null
                            && !QuestionReader.isAnswerKeyHeading(line.plain());
            if (!footerLike) {
                break;
            }
            // the footer begins after two or more blank lines, or at a share bar or comment form
            if (line.number() - lines.get(k - 1).number() >= 3 || line.boilerplate()) {
                start = k;
            }
        }
        return start;
    }

    private ArticleContent article(List<Line> all, Preamble preamble, Trace trace) {
        int footer = Math.max(1, footerStart(all));
        List<Line> lines = new ArrayList<>(all.subList(0, footer));
        if (trace.on()) {
            all.subList(footer, all.size()).forEach(l -> trace.role(l, "skipped: the page's footer"));
        }
        int titleAt = titleAfterMetadata(lines, 0);
        boolean headerFirst = titleAt >= 0;
        if (headerFirst) {
            // the title after its paper and topic lines (and alt text), without a colon; the header lines follow it
            Line titleOfIt = lines.remove(titleAt);
            if (titleAt == 3) {
                trace.role(lines.remove(2), "skipped: an image's alt text");
            }
            lines.add(0, new Line(titleOfIt.number(), titleOfIt.plain().replaceFirst("\\s*:$", "")));
        }
        Line titleLine = lines.get(0);
        trace.role(titleLine, "title");
        // a title ending in ':' over its lead paragraph (InsightsIAS): the colon is layout, the lead the context
        boolean leadFollows = headerFirst || colonTitleOverProse(lines, 0);
        if (lines.size() > 2
                && themeTag(lines, 1)
                && labelCase(titleLine.plain())
                && !labelCase(lines.get(1).plain())) {
            // the theme printed above the title ("ISRO Missions and Discoveries", then the headline): swap them
            Line theme = lines.get(0);
            titleLine = lines.get(1);
            lines.set(0, titleLine);
            lines.set(1, theme);
            trace.role(titleLine, "title");
        }
        String title = stripTopicNumber(titleLine.plain());
        if (title.endsWith(":")) {
            title = title.replaceFirst("\\s*:$", "");
        }
        LocalDate date = null;
        String category = null;
        Set<String> syllabus = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        String context = null;
        List<Credit> credits = new ArrayList<>();
        List<Line> body = new ArrayList<>();
        List<Line> questionLines = null;
        boolean inQuestions = false;
        boolean inMains = false;
        boolean inTail = false;
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            String t = line.plain();
            Credit credit = Header.credit(line, null);
            boolean isCredit = credit != null;
            if (inQuestions
                    && t.length() > 10
                    && (t.charAt(0) == 'B' || t.charAt(0) == 'b')
                    && BACK_TO_BASICS.matcher(t).matches()) {
                inQuestions = false; // the note after a question box is text again; the questions are kept
            }
            if (!inQuestions
                    && questionLines == null
                    && QuestionReader.firstPrefixedQuestion(t)
                    && QuestionReader.optionsFollow(lines, i)) {
                // "Q1: …" and its options with no practice heading above them (EduRev): the questions begin
                questionLines = new ArrayList<>();
                inQuestions = true;
            }
            if (inQuestions && !isCredit) {
                if (!line.boilerplate()) {
                    questionLines.add(line);
                } else {
                    trace.role(line, "skipped: boilerplate");
                }
                continue;
            }
            if (inMains && !isCredit) {
                if (Cues.isPracticeHeading(line) && !QuestionReader.isMainsHeading(t)
                        || QuestionReader.isAnswerKeyHeading(t)
                        || QuestionReader.firstPrefixedQuestion(t) && QuestionReader.optionsFollow(lines, i)) {
                    inMains = false; // the MCQs after the descriptive question
                    if (!Cues.isPracticeHeading(line)) {
                        questionLines = new ArrayList<>(List.of(line));
                        inQuestions = true;
                        trace.role(line, "question 1");
                        continue;
                    }
                } else {
                    trace.role(line, "skipped: a Mains question (not an MCQ)");
                    continue;
                }
            }
            if (questionLines == null && QuestionReader.isMainsHeading(t)) {
                // "Mains Practice Question" before the MCQs: a descriptive question, not multiple choice
                inMains = true;
                trace.role(line, "skipped: a Mains question (not an MCQ)");
                continue;
            }
            if (Cues.isPracticeHeading(line) && questionLines == null) {
                questionLines = new ArrayList<>();
                inQuestions = true;
                trace.role(line, "practice questions begin");
                continue;
            }
            if (!inTail
                    && t.length() > 10
                    && "IiMmPp".indexOf(t.charAt(0)) >= 0
                    && LINK_TAIL.matcher(t).matches()) {
                inTail =
                        true; // "Insta Links:", "Mains Link:", "Prelims Link:": pointers and a Mains question, not text
            }
            if (inTail && !isCredit) {
                trace.role(line, "skipped: links tail (not an MCQ)");
                continue;
            }
            if (body.isEmpty()
                    && context == null
                    && t.length() > 14
                    && (t.charAt(0) == 'I' || t.charAt(0) == 'i')
                    && IMAGE_ALT.matcher(t).matches()) {
                trace.role(line, "skipped: an image's alt text");
                continue;
            }
            if (i == 1 && category == null && themeTag(lines, i)) {
                category = Cues.tidyCategory(t);
                trace.role(line, "category (the theme above Note4Students)");
                continue;
            }
            if (t.equalsIgnoreCase(title)
                    || line.boilerplate()
                    || Cues.isNoteLead(t)
                    || i <= 2 && preamble.repeats(t)) {
                trace.role(
                        line,
                        t.equalsIgnoreCase(title)
                                ? "skipped: repeats the title"
                                : line.boilerplate()
                                        ? "skipped: boilerplate"
                                        : Cues.isNoteLead(t)
                                                ? "skipped: a note's lead-in"
                                                : "skipped: repeats the page header");
                continue;
            }
            Optional<Header.Dated> dated = date == null && i <= 3 ? Header.date(line) : Optional.empty();
            if (dated.isPresent()) {
                date = dated.get().date();
                String rest = dated.get().rest();
                if (!rest.isEmpty() && category == null) {
                    category = Cues.tidyCategory(rest);
                }
                trace.role(line, rest.isEmpty() ? "date" : "date and category");
                // a short tag line between the date and the first opener is the category ("Biodiversity Hotspots")
                if (category == null
                        && i + 2 < lines.size()
                        && tagLine(lines.get(i + 1))
                        && openerFollows(lines, i + 2)) {
                    category = Cues.tidyCategory(lines.get(++i).plain());
                    trace.role(lines.get(i), "category (a tag line under the date)");
                }
                continue;
            }
            if (Cues.isSyllabusHeading(line) && body.isEmpty()) {
                trace.role(line, "syllabus");
                while (i + 1 < lines.size() && Cues.syllabusItem(lines.get(i + 1)) != null) {
                    if (trace.on()) {
                        trace.role(lines.get(i + 1), "syllabus (and category)");
                    }
                    Cues.Metadata item = Cues.syllabusItem(lines.get(++i));
                    syllabus.addAll(item.syllabus());
                    if (item.category() != null && category == null) {
                        category = item.category();
                    }
                }
                continue;
            }
            Cues.Metadata meta = Header.labels(line);
            if (meta != null && body.isEmpty()) {
                syllabus.addAll(meta.syllabus());
                tags.addAll(meta.tags());
                if (meta.category() != null && category == null) {
                    category = meta.category();
                }
                if (trace.on()) {
                    trace.role(line, "label: " + meta.describe());
                }
                continue;
            }
            if (t.length() <= 11
                    && i + 1 < lines.size()
                    && SOURCES_LABEL.matcher(t).matches()) {
                // "Sources:" on a line of its own, the sources under it ("Down To Earth", "The Hindu")
                String label = Cues.titleCase(t.replaceFirst("\\s*:$", ""));
                int k = i + 1;
                while (k < lines.size()
                        && k <= i + 6
                        && lines.get(k).words() <= 12
                        && lines.get(k).number() - lines.get(k - 1).number() <= 2
                        && !Cues.isPracticeHeading(lines.get(k))
                        && lines.get(k).metadata() == null) {
                    credits.add(new Credit(label, lines.get(k).plain(), null));
                    trace.role(lines.get(k), "credit: " + label);
                    k++;
                }
                if (k > i + 1) {
                    trace.role(line, "credits (their label)");
                    i = k - 1;
                    continue;
                }
            }
            if (isCredit) {
                credits.add(credit);
                if (trace.on()) {
                    trace.role(line, "credit: " + credit.label());
                }
                continue;
            }
            String said = context == null && t.length() < 2000 ? Header.context(line) : null;
            if (said != null) {
                if (!said.isEmpty()) {
                    context = said;
                    trace.role(line, "context");
                } else if (i + 1 < lines.size() && !lines.get(i + 1).isBullet()) {
                    trace.role(line, "context (its label)");
                    context = lines.get(++i).plain();
                    trace.role(lines.get(i), "context");
                } else {
                    body.add(new Line(line.number(), BodyReader.stripColon(t.replaceAll("\\?$", ""))));
                }
                continue;
            }
            if (leadFollows && context == null && body.isEmpty() && !line.isBullet() && Line.words(t) >= 12) {
                context = t; // the unlabelled lead paragraph under the title
                trace.role(line, "context (lead paragraph)");
                continue;
            }
            body.add(line);
        }
        if (date == null) {
            date = preamble.date();
        }
        if (category == null && preamble.category() != null) {
            category = preamble.category();
            syllabus.addAll(preamble.syllabus());
        }
        // no date in the text: the article is read without one (never today's date); the importer asks for it
        if (date == null && preamble.date() == null) {
            if (trace.on()) {
                trace.unsure(
                        titleLine.number(),
                        "'" + title + "' gives no publication date: it is stored as a draft that"
                                + " needs one unless the date is given (--date, or the desk's Date field)");
            }
        }
        List<Section> sections = BodyReader.sections(body, trace);
        List<Question> questions = questionLines == null ? List.of() : new QuestionReader(questionLines, trace).read();
        if (sections.isEmpty() && context == null && questions.isEmpty()) {
            throw new Refusal.Empty(
                    titleLine.number(), "the article '" + title + "' has a title and a date but no text after them");
        }
        return new ArticleContent(
                title,
                date,
                preamble.publisher(),
                preamble.series(),
                category,
                List.copyOf(syllabus),
                List.copyOf(tags),
                context,
                credits,
                sections,
                questions);
    }

    /**
     * Where a question bank's first question is, or -1 when the text is not a bank: question 1 within
     * the first {@value #BANK_HEADER_LINES} lines, with options soon after it, and no article opener
     * (such as "Context:") before it. What comes before is the bank's header (a test's name, subject,
     * timing and marking, a posting date): its first line names the bank.
     */
    private static int bankStart(List<Line> lines) {
        for (int i = 0; i < Math.min(lines.size(), BANK_HEADER_LINES); i++) {
            Line line = lines.get(i);
            Matcher context = Cues.context(line);
            if (context != null && context.matches()) {
                return -1;
            }
            if (QuestionReader.firstQuestion(line.plain())) {
                return QuestionReader.optionsFollow(lines, i) ? i : -1;
            }
        }
        return -1;
    }

    private static QuestionBankContent bank(String file, List<Line> lines, int start, Trace trace) {
        // a bank without a title line is named after its file, path and all, so that banks in
        // different folders never share a name
        String title = file.replaceFirst("\\.[^./\\\\]+$", "");
        int first = start;
        if (start > 0) {
            title = lines.stream()
                    .limit(start)
                    .filter(l -> !l.boilerplate())
                    .map(Line::plain)
                    .findFirst()
                    .orElse(title);
        } else if (!lines.isEmpty() && !looksLikeQuestionStart(lines.get(0).plain())) {
            title = lines.get(0).plain();
            first = 1;
        }
        if (trace.on()) {
            String name = title;
            lines.subList(0, first).stream()
                    .filter(l -> !l.boilerplate())
                    .findFirst()
                    .ifPresent(l -> trace.role(l, "question bank: its title"));
            lines.subList(0, first).stream()
                    .filter(l -> !l.plain().equals(name))
                    .forEach(l -> trace.role(l, "skipped: the test's header"));
        }
        List<Question> questions = new QuestionReader(lines.subList(first, lines.size()), trace).read();
        return new QuestionBankContent(title, questions);
    }

    private static boolean looksLikeQuestions(List<Line> lines) {
        int limit = Math.min(lines.size(), 4);
        for (int i = 0; i < limit; i++) {
            if (looksLikeQuestionStart(lines.get(i).plain())) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeQuestionStart(String t) {
        return t.matches("(?i)^(?:q(?:uestion)?\\s*\\.?\\s*\\d{0,3}\\s*[.:)\\-–]|q\\d{1,3}|\\d{1,3}\\s*[.)])\\s*\\S.*");
    }

    private static int firstDateLine(List<Line> lines) {
        for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
            if (Header.dateAtStart(lines.get(i)).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a line starts like a date, even one that does not exist (that is refused where dates belong). */
    private static boolean startsWithDate(Line line) {
        return !(PublishedDates.atStart(line.plain()) instanceof PublishedDates.NotFound);
    }

    /** A date anywhere in a short line, e.g. "Daily Current Affairs – 12th August 2021". */
    private record DateInLine(LocalDate date, String before, String after) {}

    private static Optional<DateInLine> dateIn(Line line) {
        String t = line.plain();
        // a header line, not a sentence: a page or document title may be long ("Daily Current Affairs (14th March
        // 2024) | Current Affairs & Hindu Analysis: … - UPSC PDF Download")
        if (t.length() > 200 || Line.words(t) > 24 || Line.words(t) > 14 && t.endsWith(".")) {
            return Optional.empty();
        }
        Optional<LocalDate> labelled = Header.labelledDate(line);
        if (labelled.isPresent()) {
            return Optional.of(new DateInLine(labelled.get(), "", ""));
        }
        if (!(PublishedDates.in(t) instanceof PublishedDates.Found found)) {
            return Optional.empty(); // no date, or a day that does not exist: no date for the page
        }
        String before = t.substring(0, found.start())
                .replaceAll("[\\s|,·•:\\-–—]+$", "")
                .replaceFirst("(?i)\\s+(for|of|on|dated)$", "")
                .strip();
        String after =
                t.substring(found.end()).replaceFirst("^[\\s|,·•:\\-–—]+", "").strip();
        return Optional.of(new DateInLine(found.date(), before, after));
    }
}
