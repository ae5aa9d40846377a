package app.almanac.ingest.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestArticles;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MarkdownTests {

    private static Diagnostic refusal(String markdown) {
        ParseResult result = MarkdownReader.parse("a.md", markdown);
        assertThat(result.articles()).isEmpty();
        return result.errors().get(0);
    }

    @Test
    void withoutFrontMatterItSaysWhatIsMissing() {
        Diagnostic d = refusal("# Title\n\ntext\n");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("front matter");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsLine() {
        Diagnostic d = refusal("---\ntitle: T\ntitel: T\ndate: 2024-02-21\n---\n\nx\n");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).startsWith("unknown front-matter field 'titel'");
    }

    @Test
    void aBadDateIsRefusedWithItsLine() {
        Diagnostic d = refusal("---\ntitle: T\ndate: 2024-02-31\n---\n\nx\n");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).isEqualTo("'2024-02-31' is not a date: write it as YYYY-MM-DD");
    }

    @Test
    void frontMatterFieldsOfTheWrongShapeAreRefused() {
        assertThat(refusal("---\ntitle: T\ndate: 2024-02-21\ntags:\n  - a: b\n---\n\nx\n")
                        .message())
                .isEqualTo("'tags' must be a list of words, e.g. [GS-II, Prelims]");
        assertThat(refusal("---\ntitle: [a, b]\ndate: 2024-02-21\n---\n\nx\n").line())
                .isEqualTo(2);
        assertThat(refusal("---\ntitle: T\ndate: 2024-02-21\nsources:\n  - label: [x]\n---\n\nx\n")
                        .message())
                .contains("sources");
    }

    @Test
    void anUnclosedFrontMatterIsRefused() {
        assertThat(refusal("---\ntitle: T\ndate: 2024-02-21\n\nx\n").message()).contains("not closed");
    }

    @Test
    void anAnswerThatIsNotAnOptionIsRefusedWithItsLine() {
        Diagnostic d = refusal(
                "---\ntitle: T\ndate: 2024-02-21\n---\n\n## Practice questions\n\n### Q1. Pick\n\n- A) a\n- B) b\n\n**Answer:** C\n");
        assertThat(d.line()).isEqualTo(13);
        assertThat(d.message()).isEqualTo("the answer 'C' is not one of the options A, B");
    }

    @Test
    void anAnswerLineMustBeOptionLettersOnly() {
        Diagnostic d = refusal("---\ntitle: T\ndate: 2024-02-21\n---\n\n## Practice questions\n\n### Q1. Pick\n\n"
                + "- A) a\n- B) b\n- C) c\n- D) d\n\n**Answer:** (c) 2 and 3 only\n");
        assertThat(d.line()).isEqualTo(15);
        assertThat(d.message()).startsWith("expected the answer as option letters");
        ParseResult ok = MarkdownReader.parse(
                "a.md",
                "---\ntitle: T\ndate: 2024-02-21\n---\n\n## Practice questions\n\n"
                        + "### Q1. Pick\n\n- A) a\n- B) b\n- C) c\n\n**Answer:** A and C.\n");
        assertThat(ok.articles().get(0).questions().get(0).answer()).containsExactly("A", "C");
    }

    @Test
    void aLineBreakOutsideATableIsANewlineNotAControlCharacter() {
        ParseResult result = MarkdownReader.parse("a.md", "---\ntitle: T\ndate: 2024-02-21\n---\n\none<br>two\n");
        Block.Paragraph p = (Block.Paragraph)
                result.articles().get(0).sections().get(0).blocks().get(0);
        assertThat(p.text()).isEqualTo("one\ntwo");
    }

    @Test
    void aSourceLinkMustBeAWebAddress() {
        assertThat(refusal("---\ntitle: T\ndate: 2024-02-21\nsources:\n  - label: Source\n    text: x\n"
                                + "    url: javascript:alert(1)\n---\n\nx\n")
                        .message())
                .contains("http:// or https://");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("abcXYZ019 \\`*_[]<>|#~&!-+=.():;,'\"{}/%$@^?")
                .withChars('\u00A0', 'न', '“')
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> s.replace('\u00A0', ' ').strip().replaceAll(" {2,}", " "))
                .filter(s -> !s.isEmpty());
    }

    /** Whatever the text, Markdown export escapes it so that import reads back the same article. */
    @Property(tries = 300)
    void exportIsLosslessForAnyText(@ForAll("texts") String a, @ForAll("texts") String b, @ForAll("texts") String c) {
        ArticleContent article = TestArticles.article(a)
                .on(LocalDate.of(2024, 2, 26))
                .publisher(b)
                .series(c)
                .category(a)
                .syllabus(List.of(b))
                .tags(List.of(c, a))
                .context(b)
                .credits(List.of(new Credit(a, b, null)))
                .sections(List.of(
                        new Section("", List.of(new Block.Paragraph(a))),
                        new Section(
                                b,
                                List.of(
                                        new Block.BulletList(List.of(a, b + "\n" + c)),
                                        new Block.Paragraph(c + "\n" + a),
                                        new Block.FactTable(
                                                List.of(a, b),
                                                List.of(
                                                        List.of(List.of(c), List.of(a, b)),
                                                        List.of(List.of(b), List.of())))))))
                .questions(List.of(
                        new Question(
                                a + "\n\n" + b,
                                List.of(new Question.Statement("1", c), new Question.Statement("2", a)),
                                null,
                                List.of(new Question.Option("A", b), new Question.Option("B", c)),
                                List.of("B"),
                                a + "\n\n" + c),
                        new Question(
                                c,
                                List.of(),
                                new Question.Pairs(List.of(a, b), List.of(List.of(c, a))),
                                List.of(new Question.Option("A", a), new Question.Option("B", b)),
                                List.of(),
                                null)))
                .build();
        String markdown = MarkdownWriter.write(article);
        ParseResult again = MarkdownReader.parse("x.md", markdown);
        assertThat(again.errors()).as(markdown).isEmpty();
        assertThat(again.articles()).as(markdown).containsExactly(article);
    }
}
