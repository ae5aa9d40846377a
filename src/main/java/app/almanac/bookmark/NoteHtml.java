package app.almanac.bookmark;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A note's Markdown as HTML that is safe to show. Markdown lets a writer put raw HTML in a note, so
 * the rendered HTML is passed through the OWASP sanitizer with a small allow-list: text formatting,
 * lists, quotes, code and http(s) links, which open without a referrer and are marked nofollow.
 */
final class NoteHtml {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("ul", "ol", "li", "code", "pre", "blockquote", "hr", "br")
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());

    private NoteHtml() {}

    static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(HTML.render(MARKDOWN.parse(markdown)));
    }
}
