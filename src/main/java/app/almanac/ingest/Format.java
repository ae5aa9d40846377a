package app.almanac.ingest;

import java.util.Locale;

/** The formats Almanac imports, told apart by file name and, failing that, by the first bytes. */
public enum Format {
    TEXT,
    MARKDOWN,
    HTML,
    JSON,
    /** Moodle's GIFT question text ({@code .gift}). */
    GIFT,
    /** Moodle XML questions ({@code .xml} whose root element is {@code <quiz>}). */
    MOODLE_XML;

    /**
     * The format of a file called {@code fileName} (its extension), or, with no telling extension, of its
     * text: front matter is Markdown, a document element HTML, and (for a text without a name) a JSON
     * value JSON; anything else is text. Question banks from Moodle are told only by their names, {@code .gift} and
     * {@code .xml} with a {@code <quiz>} root, since their text could be anything.
     */
    public static Format of(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return HTML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".gift")) {
            return GIFT;
        }
        if (name.endsWith(".xml") && quizRoot(text)) {
            return MOODLE_XML;
        }
        int first = 0;
        while (first < text.length() && first < 4096 && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        String start = text.substring(first, Math.min(text.length(), first + 400));
        if (start.startsWith("---\n") && text.contains("\ntitle:")) {
            return MARKDOWN;
        }
        String lower = start.length() > 200
                ? start.substring(0, 200).toLowerCase(Locale.ROOT)
                : start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html")
                || lower.startsWith("<html")
                || lower.startsWith("<?xml") && lower.contains("<html")) {
            return HTML;
        }
        if ((start.startsWith("{") || start.startsWith("[")) && name.isEmpty()) {
            return JSON;
        }
        return TEXT;
    }

    /** Whether the XML's root element is {@code <quiz>}: past the declaration, comments and a DOCTYPE. */
    private static boolean quizRoot(String text) {
        int i = 0;
        int limit = Math.min(text.length(), 64 * 1024);
        while (i < limit) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                i = end < 0 ? limit : end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                i = end < 0 ? limit : end + 3;
            } else if (text.startsWith("<!", i)) {
                int end = text.indexOf('>', i);
                int subset = text.indexOf('[', i);
                if (subset >= 0 && end >= 0 && subset < end) {
                    end = text.indexOf("]>", subset);
                    i = end < 0 ? limit : end + 2;
                } else {
                    i = end < 0 ? limit : end + 1;
                }
            } else {
                return text.startsWith("<quiz", i)
                        && (i + 5 == text.length() || "> \t\n\r/".indexOf(text.charAt(i + 5)) >= 0);
            }
        }
        return false;
    }
}
