package app.almanac.ingest;

import java.util.Locale;

/** The formats Almanac imports, told apart by file name and, failing that, by the first bytes. */
public enum Format {
    TEXT,
    MARKDOWN,
    HTML,
    JSON;

    /**
     * The format of a file called {@code fileName} (its extension), or, with no telling extension, of its
     * text: front matter is Markdown, a document element HTML, and (for a text without a name) a JSON
     * value JSON; anything else is text.
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
}
