package app.almanac.ingest.page;

import app.almanac.ingest.read.Headings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lines in publishers' texts mean, shared by every parser: bullets, credits, context lines,
 * metadata (syllabus, category, tags), boilerplate and practice-question headings.
 */
final class Cues {

    static final Pattern CREDIT = Pattern.compile(
            "^((?:picture|image|photo|graphic|map)s?\\s+(?:courtesy|credits?|source)|sources?|courtesy)\\s*[:\\-–]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern CONTEXT = Pattern.compile(
            "^(?:context|in\\s+(?:the\\s+)?news|why\\s+in\\s+(?:the\\s+)?news\\s*\\??|why\\s+is\\s+it\\s+in\\s+(?:the\\s+)?news\\s*\\??)"
                    + "\\s*[:\\-–?]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PRACTICE_HEADING = Headings.PRACTICE;
    static final Pattern URL = Headings.URL;

    private static final Pattern PART_OF = Pattern.compile("^part\\s+of\\s*[:\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SYLLABUS = Pattern.compile("^syllabus\\s*[:\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOCUS = Pattern.compile("^focus\\s*[:\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY = Pattern.compile(
            "^(?:category|categories|subject|topic|section)\\s*[:\\-–]\\s*(\\D.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS =
            Pattern.compile("^(?:tags?|keywords?)\\s*[:\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE4STUDENTS =
            Pattern.compile("^note\\s*4\\s*students\\b\\s*[:\\-–]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL =
            Pattern.compile("^(prelims|mains)\\s+level\\s*[:\\-–]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GS_PAPER = Pattern.compile(
            "\\bGS\\s*[-–]?\\s*(?:paper\\s*[-–]?\\s*)?(IV|III|II|I|[1-4])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXAM =
            Pattern.compile("\\b(prelims|mains|essay|interview)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_AFTER_DASH = Pattern.compile("\\s[–—-]\\s*([^–—-]+)$");
    private static final Pattern FOCUS_TOPIC = Pattern.compile("(?i)\\btopic\\s*[:\\-–]\\s*(.+)$");

    /** Copyright notices, share and menu lines: one pattern, so a line is tested once. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            String.join(
                    "|",
                    "copyright\\s+infringement\\s+not\\s+intended\\.?",
                    "print\\s+friendly,?\\s+pdf\\s+(?:&|and)\\s+email",
                    "(?:share|share this(?:\\s+(?:article|post|page|story))?|share on|share via|tweet|print|email|whatsapp|telegram|facebook|twitter|linkedin|pinterest)"
                            + "(?:[\\s|,·/:]*(?:on|via)?[\\s|,·/:]*(?:whatsapp|telegram|facebook|twitter|x|email|linkedin|pinterest|youtube|instagram))*[\\s:]*",
                    "quick\\s+links\\b.{0,120}",
                    "(?:read more|click here|download (?:as |the )?pdf|subscribe(?: now)?|join our telegram)\\b.{0,60}",
                    "(?:home|menu|search|login|log in|sign in|sign up|register|skip to content|close|advertisement|"
                            + "ad|sponsored|back to top|previous|next|previous post|next post|related|related posts|related articles|leave a comment|leave a reply)"
                            + "(?:\\s+cancel\\s+reply)?\\s*[:»›>]?",
                    "(?:home|current affairs)\\s*[»›>/].*",
                    "comment\\s+(?:the|your)\\s+answers\\b.{0,80}",
                    "(?:post|write|share|mention)\\s+(?:your|the)\\s+answers?\\b.{0,80}",
                    "archives?"),
            Pattern.CASE_INSENSITIVE);

    private Cues() {}

    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "copyright",
            "print",
            "share",
            "tweet",
            "email",
            "whatsapp",
            "telegram",
            "facebook",
            "twitter",
            "linkedin",
            "pinterest",
            "read",
            "click",
            "download",
            "subscribe",
            "join",
            "home",
            "menu",
            "search",
            "login",
            "log",
            "sign",
            "register",
            "skip",
            "close",
            "advertisement",
            "ad",
            "sponsored",
            "back",
            "previous",
            "next",
            "related",
            "leave",
            "current",
            "comment",
            "archives",
            "quick",
            "post",
            "write",
            "mention",
            "archive");

    static boolean isBoilerplate(String t) {
        return isBoilerplate(t, firstWord(t));
    }

    static boolean isBoilerplate(String t, String firstWord) {
        // every boilerplate line is short and starts with one of a few words
        return t.length() <= 120
                && BOILERPLATE_WORDS.contains(firstWord)
                && BOILERPLATE.matcher(t).matches();
    }

    private static final List<String> MENU_ENDS = List.of("login", "log in", "sign in", "sign up", "signup", "logout");

    /**
     * A site's menu copied with the page: four or more items ending in "Login", "Log in", "Sign in" or
     * "Sign up", with no sentence punctuation (a title may end in "register": that word is not taken) ("Home Courses Current Affairs Prelims Mains Login",
     * "IASbaba | ILP 2025 | TLP Mains | Login"). Looked at from its last word, cheaply.
     */
    static boolean isMenu(String t) {
        int n = t.length();
        if (n > 1 && n <= 200 && t.charAt(0) == '©') {
            return true; // "© 2024 IAS GYAN. All Rights Reserved."
        }
        if (n < 12 || n > 200) {
            return false;
        }
        char last = Character.toLowerCase(t.charAt(n - 1));
        if (last != 'n' && last != 'p' && last != 't') {
            return false; // the usual case, decided without looking further
        }
        boolean menuEnd = false;
        for (String end : MENU_ENDS) {
            int from = n - end.length();
            if (from > 0
                    && t.regionMatches(true, from, end, 0, end.length())
                    && !Character.isLetter(t.charAt(from - 1))) {
                menuEnd = true;
                break;
            }
        }
        if (!menuEnd) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!') {
                return false;
            }
        }
        return Line.words(t.replace("|", " ")) >= 4;
    }

    /** The leading letters of a line, lower-cased: "share" for "Share this:". */
    static String firstWord(String t) {
        int end = 0;
        boolean lower = true;
        while (end < t.length() && end < 20 && Character.isLetter(t.charAt(end))) {
            lower &= Character.isLowerCase(t.charAt(end));
            end++;
        }
        String word = t.substring(0, end);
        return lower ? word : word.toLowerCase(Locale.ROOT);
    }

    private static final String BULLET_SYMBOLS = "•●▪◦·∙‣○■□➢➤►▶✓✔-–—*";
    private static final Set<String> ROMAN = Set.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

    /**
     * The text after a bullet ("• ", "- ", "* "), a list number ("1. ", "2) ", "(3) ") or a list
     * letter ("(a) ", "b) ", "c. ", "iv. "), or null when the line is not a list item. Written out
     * by hand because every line of every file asks it.
     */
    static String bulletText(String t) {
        int n = t.length();
        if (n < 3) {
            return null;
        }
        char c = t.charAt(0);
        int i;
        if (BULLET_SYMBOLS.indexOf(c) >= 0) {
            i = 1;
        } else {
            boolean open = c == '(';
            i = open ? 1 : 0;
            if (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
                int digits = i;
                while (i < n && i - digits < 3 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                    i++;
                }
                if (i - digits > 2 || i >= n) {
                    return null;
                }
                char close = t.charAt(i);
                if (open ? close != ')' : close != '.' && close != ')') {
                    return null;
                }
                i++;
            } else {
                int letters = i;
                while (i < n && i - letters < 5 && t.charAt(i) >= 'a' && t.charAt(i) <= 'z') {
                    i++;
                }
                String word = t.substring(letters, i);
                boolean letter = word.length() == 1 && word.charAt(0) <= 'h';
                if (!(letter || ROMAN.contains(word)) || i >= n || t.charAt(i) != '.' && t.charAt(i) != ')') {
                    return null;
                }
                i++;
            }
        }
        int text = i;
        while (text < n && Character.isWhitespace(t.charAt(text))) {
            text++;
        }
        return text > i && text < n ? t.substring(text) : null;
    }

    /** A "Context:", "In news:" or "Why in News?" line, checked cheaply first. */
    private static final Set<String> CONTEXT_WORDS = Set.of("context", "in", "why");

    private static final Set<String> CREDIT_WORDS = Set.of(
            "picture",
            "pictures",
            "image",
            "images",
            "photo",
            "photos",
            "graphic",
            "graphics",
            "map",
            "maps",
            "source",
            "sources",
            "courtesy");
    private static final Set<String> PRACTICE_WORDS = Set.of(
            "upsc",
            "prelims",
            "mains",
            "practice",
            "sample",
            "model",
            "previous",
            "mcq",
            "mcqs",
            "quiz",
            "pyq",
            "pyqs",
            "daily");

    /** What a line's first word may start: one bit per kind of line, so a line is looked up once. */
    static final int BOILERPLATE_START = 1;

    static final int METADATA_START = 2;
    static final int CONTEXT_START = 4;
    static final int CREDIT_START = 8;
    static final int PRACTICE_START = 16;
    static final int DATE_LABEL_START = 32;

    /** Built on first use, after every word set above and below it exists. */
    private static final class WordKinds {
        static final Map<String, Integer> MAP = wordKinds();
    }

    private static Map<String, Integer> wordKinds() {
        Map<String, Integer> kinds = new HashMap<>();
        BiConsumer<Set<String>, Integer> add =
                (words, kind) -> words.forEach(w -> kinds.merge(w, kind, (a, b) -> a | b));
        add.accept(BOILERPLATE_WORDS, BOILERPLATE_START);
        add.accept(METADATA_WORDS, METADATA_START);
        add.accept(CONTEXT_WORDS, CONTEXT_START);
        add.accept(CREDIT_WORDS, CREDIT_START);
        add.accept(PRACTICE_WORDS, PRACTICE_START);
        add.accept(Set.of("date", "dated", "published", "updated", "posted"), DATE_LABEL_START);
        return Map.copyOf(kinds);
    }

    /** The kinds of line that can start with {@code firstWord} (lower case), as bits. */
    static int kindsOf(String firstWord) {
        return firstWord.isEmpty() ? 0 : WordKinds.MAP.getOrDefault(firstWord, 0);
    }

    static Matcher context(Line line) {
        return line.may(CONTEXT_START) ? context(line.plain()) : null;
    }

    static Matcher credit(Line line) {
        return line.may(CREDIT_START) ? credit(line.plain()) : null;
    }

    static boolean isPracticeHeading(Line line) {
        return line.may(PRACTICE_START) && isPracticeHeading(line.plain());
    }

    static Matcher context(String t) {
        if (!CONTEXT_WORDS.contains(firstWord(t))) {
            return null;
        }
        Matcher m = CONTEXT.matcher(t);
        return m.matches() ? m : null;
    }

    /** A "Source:" or "Picture Courtesy:" line, checked cheaply first. */
    static Matcher credit(String t) {
        if (!CREDIT_WORDS.contains(firstWord(t))) {
            return null;
        }
        Matcher m = CREDIT.matcher(t);
        return m.matches() ? m : null;
    }

    /** A "Practice question(s)" heading and its kin, checked cheaply first. */
    static boolean isPracticeHeading(String t) {
        return t.length() < 60
                && PRACTICE_WORDS.contains(firstWord(t))
                && PRACTICE_HEADING.matcher(t).matches();
    }

    static boolean isBullet(String t) {
        return bulletText(t) != null;
    }

    private static final Set<String> METADATA_WORDS = Set.of(
            "part",
            "gs",
            "topics",
            "syllabus",
            "focus",
            "category",
            "categories",
            "subject",
            "topic",
            "section",
            "tag",
            "tags",
            "keyword",
            "keywords",
            "note",
            "prelims",
            "mains");

    /** What a metadata line adds to an article's header. */
    record Metadata(List<String> syllabus, String category, List<String> tags) {
        static final Metadata NOTE = new Metadata(List.of(), null, List.of());

        /** What the line gave, for an explanation: "syllabus GS-II, category Polity". */
        String describe() {
            List<String> parts = new java.util.ArrayList<>();
            if (!syllabus.isEmpty()) {
                parts.add("syllabus " + String.join(", ", syllabus));
            }
            if (category != null) {
                parts.add("category " + category);
            }
            if (!tags.isEmpty()) {
                parts.add("tags " + String.join(", ", tags));
            }
            return parts.isEmpty() ? "nothing kept" : String.join("; ", parts);
        }
    }

    /**
     * Reads "Part of:", "Syllabus:", "Focus:", "Category:", "Tags:", "Note4Students" and
     * "Prelims level:" lines; null when the line is none of them.
     */
    static Metadata metadata(String t) {
        return metadata(t, firstWord(t));
    }

    static Metadata metadata(String t, String firstWord) {
        if (!METADATA_WORDS.contains(firstWord)) {
            return null;
        }
        Matcher m;
        if ((m = PART_OF.matcher(t)).matches() || (m = SYLLABUS.matcher(t)).matches()) {
            String value = m.group(1);
            Matcher subject = SUBJECT_AFTER_DASH.matcher(value);
            String category = subject.find() ? tidyCategory(subject.group(1)) : null;
            return new Metadata(papers(value), category, List.of());
        }
        if ((m = FOCUS.matcher(t)).matches()) {
            Matcher topic = FOCUS_TOPIC.matcher(m.group(1));
            return new Metadata(papers(m.group(1)), topic.find() ? tidyCategory(topic.group(1)) : null, List.of());
        }
        if ((m = CATEGORY.matcher(t)).matches()) {
            if (firstWord.equals("topic")
                    && (Line.words(m.group(1)) > 5 || m.group(1).strip().endsWith("."))) {
                // "Topic: Welfare schemes for vulnerable sections of the population.": a syllabus topic, not a subject
                return Metadata.NOTE;
            }
            return new Metadata(List.of(), tidyCategory(m.group(1)), List.of());
        }
        if ((m = TAGS.matcher(t)).matches()) {
            return new Metadata(List.of(), null, splitList(m.group(1)));
        }
        if ((m = EXAM_PAPERS.matcher(t)).matches()) {
            // "Mains: GS II – Parliament …", "GS Paper : 2": the papers an analysis is for
            List<String> found = papers(t.replace(':', ' ')).stream()
                    .filter(p -> p.startsWith("GS-"))
                    .toList();
            return found.isEmpty() ? null : new Metadata(found, null, List.of());
        }
        if (TOPICS_COVERED.matcher(t).matches()) {
            return Metadata.NOTE; // "Topics Covered: …": the syllabus topics in words, kept out of the text
        }
        if ((m = LEVEL.matcher(t)).matches()) {
            String paper = m.group(1).substring(0, 1).toUpperCase(Locale.ROOT)
                    + m.group(1).substring(1).toLowerCase(Locale.ROOT);
            return new Metadata(List.of(paper), null, splitList(m.group(2)));
        }
        if ((m = NOTE4STUDENTS.matcher(t)).matches()) {
            // "Note4Students: Prelims level: …" on one line; repeated prefixes are stripped in one go
            String rest = m.group(1).replaceFirst("(?i)^(?:note\\s*4\\s*students\\b\\s*[:\\-–]?\\s*)+", "");
            Metadata inner = rest.isBlank() || firstWord(rest).startsWith("note") ? null : metadata(rest);
            return inner == null ? Metadata.NOTE : inner;
        }
        return null;
    }

    private static final Pattern EXAM_PAPERS = Pattern.compile(
            "(?i)^(?:mains\\s*:\\s*GS\\b.*|GS\\s*paper\\s*[:\\-–]?\\s*(?:IV|III|II|I|[1-4])\\s*(?::|\\s[-–—]\\s*[^.]{1,60})?"
                    + "|GS\\s*(?:IV|III|II|I|[1-4])\\s*/\\s*[^.]{1,60})$");
    private static final Pattern TOPICS_COVERED = Pattern.compile("(?i)^topics?\\s+covered\\s*[:\\-–]\\s*.+$");
    private static final Pattern SYLLABUS_HEADING = Pattern.compile("(?i)^syllabus\\s*:?$");
    private static final Pattern SYLLABUS_ITEM = Pattern.compile("(?i)^(prelims|mains)\\s*[:\\-–—]\\s*(\\S.{0,80})$");

    /** "Syllabus" alone on a line, over "- Prelims – Art and Culture" and "- Mains – GS 1" bullets. */
    static boolean isSyllabusHeading(Line line) {
        return line.plain().length() <= 10
                && SYLLABUS_HEADING.matcher(line.plain()).matches();
    }

    /** One bullet of a syllabus block: the Prelims subject as the category, the Mains papers as the syllabus. */
    static Metadata syllabusItem(Line line) {
        String t = line.isBullet() ? line.bullet() : line.plain();
        Matcher m = SYLLABUS_ITEM.matcher(t);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1).equalsIgnoreCase("prelims")) {
            return new Metadata(List.of(), tidyCategory(m.group(2)), List.of());
        }
        return new Metadata(
                papers(m.group(2)).stream().filter(p -> p.startsWith("GS-")).toList(), null, List.of());
    }

    private static final Pattern NOTE_LEAD = Pattern.compile("(?i)^from\\s+(?:the\\s+)?upsc\\s+perspective\\b.{0,60}$");

    /** "From UPSC perspective, the following things are important :": the lead of a Note4Students block. */
    static boolean isNoteLead(String t) {
        return t.length() < 90
                && (t.startsWith("From") || t.startsWith("from"))
                && NOTE_LEAD.matcher(t).matches();
    }

    /** The exam papers named in a syllabus phrase, normalised: "GS-II", "Prelims", "Mains". */
    static List<String> papers(String text) {
        Set<String> found = new LinkedHashSet<>();
        // papers are listed in the order the text names them, whichever kind comes first
        Matcher gs = GS_PAPER.matcher(text);
        Matcher exam = EXAM.matcher(text);
        List<int[]> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (gs.find()) {
            hits.add(new int[] {gs.start()});
            names.add("GS-" + roman(gs.group(1)));
        }
        while (exam.find()) {
            hits.add(new int[] {exam.start()});
            String w = exam.group(1).toLowerCase(Locale.ROOT);
            names.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        Integer[] order = new Integer[hits.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits.get(i)[0]));
        for (int i : order) {
            found.add(names.get(i));
        }
        return List.copyOf(found);
    }

    private static String roman(String paper) {
        return switch (paper.toUpperCase(Locale.ROOT)) {
            case "1" -> "I";
            case "2" -> "II";
            case "3" -> "III";
            case "4" -> "IV";
            default -> paper.toUpperCase(Locale.ROOT);
        };
    }

    private static List<String> splitList(String value) {
        return List.of(value.split("\\s*[,;|]\\s*")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** "POLITY" → "Polity", "SCIENCE & TECHNOLOGY" → "Science & Technology"; mixed case is kept. */
    static String tidyCategory(String raw) {
        String t = raw.strip().replaceAll("[.;,]+$", "").strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!t.equals(t.toUpperCase(Locale.ROOT))) {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : t.toLowerCase(Locale.ROOT).split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            boolean minor = Set.of("and", "of", "the", "in", "for", "&").contains(word) && !sb.isEmpty();
            sb.append(minor || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return sb.toString();
    }

    /** "Picture Courtesy" from "picture courtesy". */
    static String titleCase(String label) {
        StringBuilder sb = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
