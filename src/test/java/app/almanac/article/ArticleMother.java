package app.almanac.article;

import java.time.LocalDate;
import java.util.List;

/** Small articles for tests, written for Almanac. */
final class ArticleMother {

    private ArticleMother() {}

    /** An article that uses every kind of block, a credit with a link, and a question. */
    static ArticleContent riverTreaty() {
        return new ArticleContent(
                "A river-sharing treaty is renewed",
                LocalDate.of(2024, 5, 14),
                "Almanac Desk",
                "Daily News Analysis",
                "International Relations",
                List.of("GS-II", "Prelims"),
                List.of("Water", "Treaty"),
                "Two neighbours extended a water-sharing agreement for thirty years.",
                List.of(
                        new Credit("Source", "Joint statement", null),
                        new Credit(
                                "Picture Courtesy", "https://example.org/river.jpg", "https://example.org/river.jpg")),
                List.of(
                        new Section("", List.of(new Block.Paragraph("An opening paragraph before any heading."))),
                        new Section(
                                "Details",
                                List.of(
                                        new Block.BulletList(List.of(
                                                "The flow is shared by season.",
                                                "A joint commission meets twice a year.")),
                                        new Block.Paragraph("Either side may ask for a review after ten years."))),
                        new Section(
                                "About the commission",
                                List.of(new Block.FactTable(
                                        List.of("Aspect", "Details"),
                                        List.of(
                                                List.of(List.of("Founded"), List.of("1996.")),
                                                List.of(
                                                        List.of("Powers"),
                                                        List.of("Measures the flow.", "Settles disputes first.")),
                                                List.of(List.of("Seat"), List.of()))))),
                        new Section(
                                "नदी जल",
                                List.of(new Block.Paragraph(
                                        "Unicode text stays as written: नदी, “quotes”, <b>tags</b> & ampersands.")))),
                List.of(
                        new Question(
                                "Which body settles disputes first?",
                                List.of(
                                        new Question.Option("A", "A court"),
                                        new Question.Option("B", "The joint commission")),
                                List.of("B"),
                                "The treaty sends disputes to the commission first.\n\nCourts come later."),
                        new Question(
                                "Which of these are true?",
                                List.of(
                                        new Question.Option("A", "One"),
                                        new Question.Option("B", "Two"),
                                        new Question.Option("C", "Three")),
                                List.of("A", "C"),
                                null),
                        new Question(
                                "Consider the following statements:\n\nWhich of the statements given above is/are correct?",
                                List.of(
                                        new Question.Statement("1", "The treaty runs for thirty years."),
                                        new Question.Statement("2", "It covers groundwater.")),
                                null,
                                List.of(
                                        new Question.Option("A", "1 only"), new Question.Option("B", "2 only"),
                                        new Question.Option("C", "Both 1 and 2"),
                                                new Question.Option("D", "Neither 1 nor 2")),
                                List.of("A"),
                                "Groundwater is outside the treaty."),
                        new Question(
                                "Consider the following pairs:\n\nHow many of the pairs given above are correctly matched?",
                                List.of(),
                                new Question.Pairs(
                                        List.of("River", "Basin state"),
                                        List.of(List.of("Teesta", "Sikkim"), List.of("Mahanadi", "Odisha"))),
                                List.of(
                                        new Question.Option("A", "Only one"),
                                        new Question.Option("B", "Both"),
                                        new Question.Option("C", "None")),
                                List.of("B"),
                                null),
                        new Question("Discuss the treaty's importance.", List.of(), List.of(), null)));
    }

    /** The same article with its context reworded: a new revision, not a new article. */
    static ArticleContent riverTreatyEdited() {
        ArticleContent a = riverTreaty();
        return new ArticleContent(
                a.title(),
                a.date(),
                a.publisher(),
                a.series(),
                a.category(),
                a.syllabus(),
                List.of("Water"),
                "Two neighbours renewed their water-sharing agreement for another thirty years.",
                a.credits(),
                a.sections(),
                a.questions().subList(0, 2));
    }
}
