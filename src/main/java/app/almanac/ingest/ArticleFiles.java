package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.ingest.bank.GiftFormat;
import app.almanac.ingest.bank.MoodleXmlFormat;
import app.almanac.ingest.json.JsonFormat;
import app.almanac.ingest.markdown.MarkdownReader;
import app.almanac.ingest.markdown.MarkdownWriter;
import app.almanac.ingest.page.HtmlFormat;
import app.almanac.ingest.page.TextArticleParser;
import app.almanac.ingest.read.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads article files and parses them by format (text, Markdown, HTML, JSON, GIFT, Moodle XML) without storing
 * anything: what both {@code import --dry-run} and the import service start from.
 */
public final class ArticleFiles {

    /**
     * Files larger than this are not articles (a day's page of several analyses, saved with its
     * scripts and styles, is a few MB); refusing them keeps memory bounded. What one article may
     * hold is bounded again after parsing ({@link Limits#MAX_ARTICLE}).
     */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final TextArticleParser TEXT = new TextArticleParser();

    private ArticleFiles() {}

    /** Parses the file at {@code path}; every problem, including a missing file, is a diagnostic. */
    public static ParseResult read(Path path) {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                return ParseResult.refused(new Diagnostic(name, 0, "is a directory; expected an article file"));
            }
            if (Files.size(path) > MAX_BYTES) {
                return ParseResult.refused(new Diagnostic(
                        name,
                        0,
                        "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; expected one article or question bank"));
            }
            return parse(name, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return ParseResult.refused(new Diagnostic(name, 0, "no such file"));
        } catch (IOException e) {
            return ParseResult.refused(new Diagnostic(name, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /** Marks a diagnostic that reports a bug in a reader rather than a problem in the file. */
    static final String READER_BUG = "could not be read because of an error in Almanac's reader (please report it)";

    /**
     * Parses bytes that came from a file called {@code name}; the name's extension picks the
     * format. Never throws: one strange file must not stop an import of thousands.
     */
    public static ParseResult parse(String name, byte[] bytes) {
        return parse(name, bytes, null);
    }

    /**
     * Parses bytes in the given {@code format} ({@code null}: told by the name's extension, then by the
     * first bytes); {@code name} only names where problems are. Never throws.
     */
    public static ParseResult parse(String name, byte[] bytes, Format format) {
        try {
            return withinLimits(parseFormat(name, bytes, format));
        } catch (RuntimeException | StackOverflowError e) {
            return ParseResult.refused(new Diagnostic(name, 0, READER_BUG + ": " + e));
        }
    }

    /**
     * How a file is read, line by line, with the parse itself ({@code import --explain}, the desk's
     * Explain). Text is explained line by line; Markdown, HTML and JSON are read from their markup, so
     * only the parse and its refusals are given for them. Stores nothing, never throws.
     */
    public static ParseExplanation explain(String name, byte[] bytes, Format format) {
        ParseResult result = parse(name, bytes, format);
        boolean html = format == Format.HTML || format == null && isHtmlName(name);
        TextDecoder.Decoded decoded = html ? null : TextDecoder.decode(name, bytes);
        Format read = html
                ? Format.HTML
                : decoded.error() != null ? Format.TEXT : format != null ? format : Format.of(name, decoded.text());
        if (read != Format.TEXT || decoded.error() != null) {
            return new ParseExplanation(read.name().toLowerCase(Locale.ROOT), List.of(), List.of(), result);
        }
        return TEXT.explain(name, decoded.text(), result);
    }

    /** The article in Almanac Markdown, the authoring format: what export and the desk's editor write. */
    public static String markdown(ArticleContent article) {
        return MarkdownWriter.write(article);
    }

    /** An article, a question bank or a list of them as Almanac JSON (what {@code --dry-run --format json} prints). */
    public static String json(Object value) {
        return JsonFormat.write(value);
    }

    private static boolean isHtmlName(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*\\.(html?|xhtml)$");
    }

    private static ParseResult withinLimits(ParseResult result) {
        for (var article : result.articles()) {
            String problem = Limits.check(article);
            if (problem != null) {
                return ParseResult.refused(new Diagnostic(result.file(), 0, "'" + article.title() + "': " + problem));
            }
        }
        for (var bank : result.banks()) {
            String problem = Limits.check(bank);
            if (problem != null) {
                return ParseResult.refused(new Diagnostic(result.file(), 0, problem));
            }
        }
        return result;
    }

    private static ParseResult parseFormat(String name, byte[] bytes, Format format) {
        if (format == Format.HTML || format == null && isHtmlName(name)) {
            // HTML declares its own encoding; jsoup reads the bytes
            return HtmlFormat.parse(name, bytes);
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(name, bytes);
        if (decoded.error() != null) {
            return ParseResult.refused(decoded.error());
        }
        String text = decoded.text();
        return switch (format != null ? format : Format.of(name, text)) {
            case MARKDOWN -> MarkdownReader.parse(name, text);
            case HTML -> HtmlFormat.parse(name, bytes);
            case JSON -> JsonFormat.parse(name, text);
            case GIFT -> GiftFormat.parse(name, text);
            case MOODLE_XML -> MoodleXmlFormat.parse(name, text);
            case TEXT -> TEXT.parse(name, text);
        };
    }
}
