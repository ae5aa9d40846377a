package app.almanac.ingest.markdown;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes an article as Almanac Markdown (see {@link MarkdownReader} for the format): what {@code
 * export}, the desk's editor and the sample content use. {@link MarkdownReader#parse} of the result
 * gives the same article back.
 */
public final class MarkdownWriter {

    // Values are always quoted: unquoted, YAML would read "0." or "yes" as a number or a boolean.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            // a long context stays on one line in the editor instead of being folded with backslashes
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private MarkdownWriter() {}

    /** The article as Almanac Markdown; {@link MarkdownReader#parse} of the result gives the same article. */
    public static String write(ArticleContent a) {
        StringBuilder md = new StringBuilder("---\n");
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", a.title());
        // a draft stored from a page without a date is written without one: reading it back asks for it
        putIfPresent(front, "date", a.date() == null ? null : a.date().toString());
        putIfPresent(front, "publisher", a.publisher());
        putIfPresent(front, "series", a.series());
        putIfPresent(front, "category", a.category());
        if (!a.syllabus().isEmpty()) {
            front.put("syllabus", a.syllabus());
        }
        if (!a.tags().isEmpty()) {
            front.put("tags", a.tags());
        }
        putIfPresent(front, "context", a.context());
        if (!a.credits().isEmpty()) {
            List<Map<String, String>> sources = new ArrayList<>();
            for (Credit c : a.credits()) {
                Map<String, String> s = new LinkedHashMap<>();
                s.put("label", c.label());
                s.put("text", c.text());
                if (c.url() != null) {
                    s.put("url", c.url());
                }
                sources.add(s);
            }
            front.put("sources", sources);
        }
        md.append(YAML.writeValueAsString(front)).append("---\n");
        for (Section s : a.sections()) {
            md.append('\n');
            if (!s.heading().isEmpty()) {
                md.append("## ").append(escapeLine(s.heading())).append("\n\n");
            }
            for (Block b : s.blocks()) {
                writeBlock(b, md);
            }
        }
        if (!a.questions().isEmpty()) {
            md.append("\n## Practice questions\n");
            for (int i = 0; i < a.questions().size(); i++) {
                writeQuestion(i + 1, a.questions().get(i), md);
            }
        }
        return md.toString();
    }

    private static void putIfPresent(Map<String, Object> front, String key, String value) {
        if (value != null) {
            front.put(key, value);
        }
    }

    private static void writeBlock(Block b, StringBuilder md) {
        if (b instanceof Block.Paragraph p) {
            md.append(escapeText(p.text())).append("\n\n");
        } else if (b instanceof Block.BulletList l) {
            for (String item : l.items()) {
                md.append("- ").append(escapeText(item).replace("\n", "\n  ")).append('\n');
            }
            md.append('\n');
        } else if (b instanceof Block.FactTable t) {
            int columns = Math.max(
                    t.header().size(),
                    t.rows().stream().mapToInt(List::size).max().orElse(0));
            md.append('|');
            for (int c = 0; c < columns; c++) {
                md.append(' ')
                        .append(c < t.header().size() ? escapeCell(t.header().get(c)) : "")
                        .append(" |");
            }
            md.append("\n|").append("---|".repeat(Math.max(columns, 1))).append('\n');
            for (List<List<String>> row : t.rows()) {
                md.append('|');
                for (int c = 0; c < columns; c++) {
                    List<String> cell = c < row.size() ? row.get(c) : List.of();
                    md.append(' ')
                            .append(String.join(
                                    "<br><br>",
                                    cell.stream()
                                            .map(MarkdownWriter::escapeCell)
                                            .toList()))
                            .append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private static void writeQuestion(int n, Question q, StringBuilder md) {
        List<String> parts = List.of(q.stem().split("\n\n", -1));
        boolean listed = !q.statements().isEmpty() || q.pairs() != null;
        String first = parts.get(0);
        int next = 0;
        md.append("\n### Q").append(n).append('.');
        if (!first.contains("\n") && !first.isBlank()) {
            md.append(' ').append(escapeLine(first));
            next = 1;
        }
        md.append("\n\n");
        int leadInEnd = listed ? Math.max(next, 1) : parts.size();
        for (int i = next; i < leadInEnd; i++) {
            md.append(escapeText(parts.get(i))).append("\n\n");
        }
        boolean numbered = true;
        for (int i = 0; i < q.statements().size(); i++) {
            numbered &= q.statements().get(i).label().equals(String.valueOf(i + 1));
        }
        for (int i = 0; i < q.statements().size(); i++) {
            Question.Statement s = q.statements().get(i);
            md.append(numbered ? (i + 1) + ". " : "- Statement-" + s.label() + ": ")
                    .append(escapeText(s.text()))
                    .append('\n');
        }
        if (!q.statements().isEmpty()) {
            md.append('\n');
        }
        if (q.pairs() != null) {
            writeBlock(
                    new Block.FactTable(
                            q.pairs().header(),
                            q.pairs().rows().stream()
                                    .map(r -> r.stream()
                                            .map(c -> c.isEmpty() ? List.<String>of() : List.of(c.split("\n\n")))
                                            .toList())
                                    .toList()),
                    md);
        }
        for (int i = leadInEnd; i < parts.size(); i++) {
            md.append(escapeText(parts.get(i))).append("\n\n");
        }
        for (Question.Option o : q.options()) {
            md.append("- ")
                    .append(o.label())
                    .append(") ")
                    .append(escapeText(o.text()))
                    .append('\n');
        }
        if (!q.options().isEmpty()) {
            md.append('\n');
        }
        if (!q.answer().isEmpty()) {
            md.append("**Answer:** ").append(String.join(", ", q.answer())).append("\n\n");
        }
        List<String> paragraphs = q.explanation() == null
                ? List.of()
                : List.of(q.explanation().split("\n\n")).stream()
                        .filter(p -> !p.isBlank())
                        .toList();
        if (!paragraphs.isEmpty()) {
            md.append("**Explanation:** ").append(escapeText(paragraphs.get(0))).append("\n\n");
            for (String p : paragraphs.subList(1, paragraphs.size())) {
                md.append(escapeText(p)).append("\n\n");
            }
        }
    }

    /** Escapes what Markdown would read as markup, so the text comes back exactly as written. */
    static String escapeText(String text) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append("\\\n");
            }
            sb.append(escapeLine(lines[i]));
        }
        return sb.toString();
    }

    private static String escapeLine(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|~&!#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        String s = sb.toString();
        // what starts a block at the beginning of a line: lists, quotes, setext and thematic breaks
        Matcher ordered = Pattern.compile("^(\\d{1,9})([.)])").matcher(s);
        if (ordered.find()) {
            s = ordered.group(1) + "\\" + ordered.group(2) + s.substring(ordered.end());
        } else if (s.matches("^[-+=].*")) {
            s = "\\" + s;
        }
        if (s.startsWith(" ") || s.endsWith(" ")) {
            s = s.replaceAll("^ ", "&#32;").replaceAll(" $", "&#32;");
        }
        return s;
    }

    private static String escapeCell(String text) {
        return escapeText(text).replace("\\\n", "<br>");
    }
}
