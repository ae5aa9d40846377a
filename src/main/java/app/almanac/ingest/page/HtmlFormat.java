package app.almanac.ingest.page;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.read.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Reads a saved publisher page: finds the article among menus, sidebars, ads, share bars and
 * comments, then keeps its headings, paragraphs, lists and tables as structure. Lines such as
 * "Context:", "Source:", "Category:" and the practice question are read as in plain text.
 */
public final class HtmlFormat {

    private static final String CLUTTER = String.join(
            ", ",
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "form",
            "button",
            "svg",
            "nav",
            "aside",
            "footer",
            "[class~=(?i)(^|[-_ ])(share|sharing|sharedaddy|social|ads?|adsbygoogle|advert|advertisement|sponsor|promo"
                    + "|comments?|comment-respond|comments-area|related|newsletter|subscribe|cookie|popup|modal"
                    + "|sidebar|widget|breadcrumbs?|print-?friendly|printfriendly|author-box|post-navigation|nav-links)([-_ ]|$)]",
            "[id~=(?i)^(comments?|respond|sidebar|cookie.*|share.*|ad-.*|related.*)$]",
            "[role=navigation]",
            "[role=complementary]",
            "[aria-hidden=true]");
    private static final List<String> CONTENT = List.of(
            "[itemprop=articleBody]",
            ".entry-content",
            ".post-content",
            ".article-content",
            ".article-body",
            ".td-post-content",
            ".single-content",
            "article",
            "main",
            ".post-body",
            "#content",
            ".content");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,60}$");

    private HtmlFormat() {}

    public static ParseResult parse(String file, byte[] bytes) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return ParseResult.of(file, List.of(read(doc)));
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        }
    }

    private static ArticleContent read(Document doc) {
        Set<String> tags = new LinkedHashSet<>();
        doc.select("a[rel~=tag]").forEach(a -> tags.add(a.text().strip()));
        String category = doc.select("a[rel~=category]").stream()
                .map(Element::text)
                .findFirst()
                .orElse(null);
        if (category == null) {
            category = doc.select("*:matchesOwn((?i)^\\s*categor(y|ies)\\s*:)").stream()
                    .map(e -> Cues.metadata(e.text().strip()))
                    .filter(m -> m != null && m.category() != null)
                    .map(Cues.Metadata::category)
                    .findFirst()
                    .orElse(null);
        }
        LocalDate date = date(doc);
        String title = title(doc);
        doc.select(CLUTTER).remove();
        Element root = contentRoot(doc);
        if (title == null) {
            throw new Refusal(1, "no title: expected an <h1> or a <title> in the page");
        }
        List<Item> items = new ArrayList<>();
        walk(root, items);
        // the title and the date line are not content
        items.removeIf(i -> i.kind() == Kind.HEADING && i.text().equalsIgnoreCase(title));

        String context = null;
        List<Credit> credits = new ArrayList<>();
        Set<String> syllabus = new LinkedHashSet<>();
        List<Section> sections = new ArrayList<>();
        String heading = "";
        List<Block> blocks = new ArrayList<>();
        List<Line> questionLines = null;
        for (Item item : items) {
            if (questionLines != null) {
                questionLines.addAll(item.asLines());
                continue;
            }
            if (item.kind() == Kind.HEADING || item.kind() == Kind.PARAGRAPH) {
                String t = item.text();
                if (Cues.PRACTICE_HEADING.matcher(t).matches()
                        || t.matches("(?i)^q(?:uestion)?\\s*\\d*\\s*[.:)]\\s*\\S.*") && item.kind() == Kind.PARAGRAPH) {
                    questionLines = new ArrayList<>();
                    if (!Cues.PRACTICE_HEADING.matcher(t).matches()) {
                        questionLines.addAll(item.asLines());
                        if (blocks.isEmpty()) {
                            heading =
                                    ""; // a heading with nothing under it but the quiz ("Test yourself") is the quiz's
                        }
                    }
                    continue;
                }
                if (Cues.isBoilerplate(t)) {
                    continue;
                }
                if (date == null && t.length() < 80) {
                    Optional<LocalDate> d = dateIn(t);
                    if (d.isPresent()) {
                        date = d.get();
                        continue;
                    }
                } else if (t.length() < 80 && dateIn(t).filter(date::equals).isPresent()) {
                    continue;
                }
                // credits, labels and the context are read as in pasted text
                Line line = new Line(0, t);
                Credit credit = Header.credit(line, item.link());
                if (credit != null) {
                    credits.add(credit);
                    continue;
                }
                Cues.Metadata meta = Header.labels(line);
                if (meta != null && sections.isEmpty() && blocks.isEmpty()) {
                    syllabus.addAll(meta.syllabus());
                    tags.addAll(meta.tags());
                    category = category == null ? meta.category() : category;
                    continue;
                }
                String said = context == null && item.kind() == Kind.PARAGRAPH ? Header.context(line) : null;
                if (said != null && !said.isEmpty()) {
                    context = said;
                    continue;
                }
            }
            if (item.kind() == Kind.HEADING) {
                if (!heading.isEmpty() || !blocks.isEmpty()) {
                    sections.add(new Section(heading, blocks));
                }
                heading = BodyReader.stripColon(item.text());
                blocks = new ArrayList<>();
            } else {
                blocks.add(item.block());
            }
        }
        if (!heading.isEmpty() || !blocks.isEmpty()) {
            sections.add(new Section(heading, blocks));
        }
        if (date == null) {
            throw new Refusal(
                    1, "no date: expected a <time datetime> or a date such as '26th February, 2024' in the page");
        }
        List<Question> questions = questionLines == null ? List.of() : new QuestionReader(questionLines).read();
        return new ArticleContent(
                title,
                date,
                null,
                null,
                category == null ? null : Cues.tidyCategory(category),
                List.copyOf(syllabus),
                List.copyOf(tags),
                context,
                credits,
                sections,
                questions);
    }

    private static String title(Document doc) {
        for (String selector : List.of("h1.entry-title", "article h1", "main h1", "h1")) {
            Element h1 = doc.selectFirst(selector);
            if (h1 != null && !h1.text().isBlank()) {
                return h1.text().strip();
            }
        }
        Element og = doc.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        String t = doc.title().strip();
        return t.isEmpty() ? null : TITLE_SUFFIX.matcher(t).replaceFirst("");
    }

    private static final Pattern LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})");

    private static LocalDate date(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = LD_DATE.matcher(script.data());
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group(1));
                } catch (DateTimeException e) {
                    // try the rest
                }
            }
        }
        for (Element dated : doc.select(
                "[class~=(?i)(^|[-_ ])(date|posted-on|published|entry-date|post-date|entry-meta)([-_ ]|$)]")) {
            if (dated.closest("[class~=(?i)comment]") == null) {
                Optional<LocalDate> found = dateIn(dated.text());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        for (Element time :
                doc.select("time[datetime], meta[property=article:published_time], meta[itemprop=datePublished]")) {
            String value = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
            if (value.length() >= 10) {
                try {
                    return LocalDate.parse(value.substring(0, 10));
                } catch (DateTimeException e) {
                    // fall through to the text
                }
            }
        }
        return null;
    }

    private static Optional<LocalDate> dateIn(String text) {
        if (text.length() > 200) {
            return Optional.empty(); // a date line is short; scanning long text would cost time for nothing
        }
        String t = text.replaceFirst("(?i)^(?:published|posted|updated|date|dated)(?:\\s+on)?\\s*[:\\-–]?\\s*", "");
        return PublishedDates.in(t) instanceof PublishedDates.Found found
                ? Optional.of(found.date())
                : Optional.empty();
    }

    /** The element that holds the article: a known container, or the one with the most paragraph text. */
    private static Element contentRoot(Document doc) {
        for (String selector : CONTENT) {
            Elements found = doc.select(selector);
            Element best = null;
            for (Element e : found) {
                if (best == null || paragraphText(e) > paragraphText(best)) {
                    best = e;
                }
            }
            if (best != null && paragraphText(best) > 200) {
                return best;
            }
        }
        Element best = doc.body();
        int bestScore = 0;
        for (Element e : doc.body().select("div, section")) {
            int score = 0;
            for (Element p : e.children()) {
                if (p.tagName().equals("p") || p.tagName().matches("h[2-4]|ul|ol|table")) {
                    score += p.text().length();
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    private static int paragraphText(Element e) {
        return e.select("p, li, td").stream()
                .mapToInt(p -> p.ownText().length())
                .sum();
    }

    private enum Kind {
        HEADING,
        PARAGRAPH,
        LIST,
        TABLE
    }

    /** One piece of the article in reading order. */
    private record Item(Kind kind, String text, String link, Block block) {
        static Item heading(String text) {
            return new Item(Kind.HEADING, text, null, null);
        }

        static Item paragraph(String text, String link) {
            return new Item(Kind.PARAGRAPH, text, link, new Block.Paragraph(text));
        }

        /** The item as lines of text, for the question reader. */
        List<Line> asLines() {
            List<Line> lines = new ArrayList<>();
            if (block instanceof Block.BulletList l) {
                int n = 0;
                for (String item : l.items()) {
                    // list markers are not in the items' text: put them back as the source shows them
                    boolean marked = item.matches("^\\(?[A-Ha-h1-9][).]\\s.*");
                    String marker = "options".equals(text)
                            ? "(" + (char) ('a' + n) + ") "
                            : "ordered".equals(text) ? (n + 1) + ". " : "";
                    lines.add(new Line(0, marked ? item : marker + item));
                    n++;
                }
            } else if (block instanceof Block.FactTable t) {
                t.rows()
                        .forEach(r -> lines.add(new Line(
                                0,
                                String.join(
                                        "\t",
                                        r.stream().map(c -> String.join(" ", c)).toList()))));
            } else {
                for (String part : text.split("\n")) {
                    if (!part.isBlank()) {
                        lines.add(new Line(0, part.strip()));
                    }
                }
            }
            return lines;
        }
    }

    /** What makes an element a container rather than a paragraph. */
    private static final String BLOCKS =
            "p, div, ul, ol, table, h1, h2, h3, h4, h5, h6, section, figure, blockquote, article, main";

    private static void walk(Element element, List<Item> items) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode t) {
                if (!t.isBlank()) {
                    items.add(Item.paragraph(t.text().strip(), null));
                }
                continue;
            }
            if (!(node instanceof Element e)) {
                continue;
            }
            String tag = e.tagName();
            if (tag.matches("h[1-6]")) {
                if (!e.text().isBlank()) {
                    items.add(Item.heading(e.text().strip()));
                }
            } else if (tag.equals("p")
                    || (e.isBlock() || tag.equals("blockquote"))
                            && !tag.matches("ul|ol|table|li|tr|td|th")
                            && e.select(BLOCKS).stream().allMatch(inner -> inner == e)) {
                String text = textWithBreaks(e);
                if (!text.isBlank()) {
                    Element a = e.selectFirst("a[href^=http]");
                    for (String part : text.split("\n")) {
                        if (!part.isBlank()) {
                            items.add(Item.paragraph(part.strip(), a == null ? null : a.attr("href")));
                        }
                    }
                }
            } else if (tag.equals("ul") || tag.equals("ol")) {
                List<String> list = new ArrayList<>();
                for (Element li : e.children()) {
                    if (li.tagName().equals("li") && !li.text().isBlank()) {
                        list.add(li.text().strip());
                    }
                }
                if (!list.isEmpty()) {
                    boolean letteredOptions = tag.equals("ol") && e.attr("type").equalsIgnoreCase("a");
                    String kind = letteredOptions ? "options" : tag.equals("ol") ? "ordered" : null;
                    items.add(new Item(Kind.LIST, kind, null, new Block.BulletList(list)));
                }
            } else if (tag.equals("table")) {
                Block.FactTable table = table(e);
                if (table != null) {
                    items.add(new Item(Kind.TABLE, null, null, table));
                }
            } else if (tag.equals("br") || tag.equals("img") || tag.equals("picture") || tag.equals("video")) {
                continue;
            } else if (e.isBlock()
                    || tag.equals("figure")
                    || tag.equals("section")
                    || tag.equals("header")
                    || tag.equals("span")
                            && !e.select("p, ul, ol, table, h2, h3").isEmpty()) {
                walk(e, items);
            } else if (!e.text().isBlank()) {
                items.add(Item.paragraph(e.text().strip(), null));
            }
        }
    }

    /** A paragraph's text with {@code <br>} kept as line breaks. */
    private static String textWithBreaks(Element p) {
        StringBuilder sb = new StringBuilder();
        for (Node n : p.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.text());
            } else if (n instanceof Element e) {
                sb.append(e.tagName().equals("br") ? "\n" : e.text());
            }
        }
        return sb.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
    }

    private static Block.FactTable table(Element table) {
        List<String> header = new ArrayList<>();
        List<List<List<String>>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            Elements cells = tr.select("> th, > td");
            boolean headerRow = header.isEmpty()
                    && rows.isEmpty()
                    && (tr.parent() != null && tr.parent().tagName().equals("thead")
                            || cells.stream().allMatch(c -> c.tagName().equals("th")));
            if (headerRow) {
                cells.forEach(c -> header.add(c.text().strip()));
                continue;
            }
            List<List<String>> row = new ArrayList<>();
            for (Element cell : cells) {
                List<String> paragraphs = new ArrayList<>();
                Elements ps = cell.select("> p, > ul > li, > ol > li");
                if (ps.isEmpty()) {
                    for (String part : textWithBreaks(cell).split("\n\\s*\n")) {
                        if (!part.isBlank()) {
                            paragraphs.add(part.strip().replaceAll("\\s*\n\\s*", " "));
                        }
                    }
                } else {
                    ps.forEach(p -> paragraphs.add(p.text().strip()));
                }
                row.add(paragraphs);
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows.isEmpty() && header.isEmpty() ? null : new Block.FactTable(header, rows);
    }
}
