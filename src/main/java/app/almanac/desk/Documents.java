package app.almanac.desk;

import app.almanac.article.ArticleContent;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.Format;
import app.almanac.ingest.ParseExplanation;
import app.almanac.ingest.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The desk's text formats, all through the ingest parsers: the Markdown an editor edits, text
 * pasted from a publisher, and one practice question as a Markdown snippet.
 */
final class Documents {

    private Documents() {}

    /** What an editor's text became: content, or the problems with their line numbers. */
    record Parsed(List<ArticleContent> articles, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    static String markdown(ArticleContent content) {
        return ArticleFiles.markdown(content);
    }

    /** The editor's Markdown, which must hold exactly one article. */
    static Parsed fromMarkdown(String markdown) {
        Parsed parsed = parse("article.md", markdown, 0, Format.MARKDOWN);
        if (parsed.ok() && parsed.articles().size() != 1) {
            return new Parsed(
                    List.of(),
                    List.of(new Problem(
                            0,
                            "The editor holds one article; this text has "
                                    + parsed.articles().size() + ".")));
        }
        return parsed;
    }

    /**
     * Text pasted from a publisher, the source of a saved page (HTML), or Almanac Markdown (front
     * matter first): one article or several.
     */
    static Parsed fromPaste(String text) {
        return fromPaste(text, null);
    }

    /**
     * The same, with the publication date the editor gave ({@code date}, or null) for articles whose
     * text gives none: without one, such a text is refused with a problem that asks for it.
     */
    static Parsed fromPaste(String text, java.time.LocalDate date) {
        Parsed parsed = parse(PASTED, text, 0, pastedFormat(text));
        if (!parsed.ok()) {
            return parsed;
        }
        List<ArticleContent> dated = new ArrayList<>();
        for (ArticleContent a : parsed.articles()) {
            if (a.date() == null && date == null) {
                return new Parsed(
                        List.of(),
                        List.of(new Problem(
                                0,
                                "'" + a.title() + "' gives no publication date: enter the day it was published in"
                                        + " the Date field.")));
            }
            dated.add(a.date() == null ? a.withDate(date) : a);
        }
        return new Parsed(dated, List.of());
    }

    /** One question as the editor writes it: {@code ### Q1. stem}, options, {@code Answer:}, {@code Explanation:}. */
    static String questionMarkdown(ArticleContent article, Question question) {
        String md = ArticleFiles.markdown(onlyQuestions(article, List.of(question)));
        return md.substring(md.indexOf("## Practice questions") + "## Practice questions".length())
                        .strip() + "\n";
    }

    /** Reads one question snippet; problems are reported at the snippet's own line numbers. */
    static Question question(ArticleContent article, String snippet, List<Problem> problems) {
        String head = ArticleFiles.markdown(onlyQuestions(article, List.of())) + "\n## Practice questions\n\n";
        int offset = (int) head.chars().filter(c -> c == '\n').count();
        String text = snippet == null ? "" : snippet.strip();
        if (!text.startsWith("###")) {
            text = "### Q1. " + text;
        }
        Parsed parsed = parse("question.md", head + text + "\n", offset, Format.MARKDOWN);
        problems.addAll(parsed.problems());
        if (!parsed.ok()) {
            return null;
        }
        List<Question> found = parsed.articles().get(0).questions();
        if (found.size() != 1) {
            problems.add(new Problem(0, "Write one question here (this text has " + found.size() + ")."));
            return null;
        }
        return found.get(0);
    }

    private static ArticleContent onlyQuestions(ArticleContent a, List<Question> questions) {
        return new ArticleContent(
                a.title(), a.date(), null, null, null, List.of(), List.of(), null, List.of(), List.of(), questions);
    }

    /** How a pasted text is read, line by line, and what the parser is unsure of; stores nothing. */
    static ParseExplanation explain(String text, java.time.LocalDate date) {
        ParseExplanation explained =
                ArticleFiles.explain(PASTED, text.getBytes(StandardCharsets.UTF_8), pastedFormat(text));
        if (date == null) {
            return explained;
        }
        // the editor gave the day: a missing date is no longer something to check
        return new ParseExplanation(
                explained.format(),
                explained.lines(),
                explained.unsure().stream()
                        .filter(d -> !d.message().contains("gives no publication date"))
                        .toList(),
                explained.result());
    }

    private static final String PASTED = "pasted text";

    /** A paste is told apart by its first characters: front matter is Markdown, a document element HTML. */
    private static Format pastedFormat(String text) {
        Format sniffed = Format.of("", text);
        return sniffed == Format.JSON ? Format.TEXT : sniffed;
    }

    private static Parsed parse(String name, String text, int lineOffset, Format format) {
        ParseResult result = ArticleFiles.parse(name, text.getBytes(StandardCharsets.UTF_8), format);
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic d : result.errors()) {
            problems.add(new Problem(Math.max(0, d.line() - lineOffset), d.message()));
        }
        if (problems.isEmpty() && result.articles().isEmpty()) {
            problems.add(new Problem(
                    0,
                    result.banks().isEmpty()
                            ? "No article was found in this text."
                            : "This is a question bank, not an article; import it with ./almanac import."));
        }
        return new Parsed(result.articles(), problems);
    }
}
