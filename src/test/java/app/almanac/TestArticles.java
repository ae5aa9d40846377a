package app.almanac;

import app.almanac.article.ArticleContent;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import java.time.LocalDate;
import java.util.List;

/**
 * The one test-data builder for articles, for every room's tests: name what matters to the test
 * and leave the rest empty, instead of an eleven-argument constructor.
 *
 * <pre>{@code
 * TestArticles.article("Rates held").on(LocalDate.of(2024, 3, 1)).category("Economy").tags(List.of("RBI")).build()
 * }</pre>
 */
public final class TestArticles {

    /** The day articles are of unless a test says otherwise. */
    public static final LocalDate DAY = LocalDate.of(2024, 5, 14);

    private TestArticles() {}

    /** An article titled {@code title} of {@link #DAY}, with nothing else in it yet. */
    public static Builder article(String title) {
        Builder b = new Builder();
        b.title = title;
        return b;
    }

    /** A copy of {@code content} to change. */
    public static Builder copyOf(ArticleContent c) {
        return article(c.title())
                .on(c.date())
                .publisher(c.publisher())
                .series(c.series())
                .category(c.category())
                .syllabus(c.syllabus())
                .tags(c.tags())
                .context(c.context())
                .credits(c.credits())
                .sections(c.sections())
                .questions(c.questions());
    }

    /** Collects the parts of one article; {@link #build} makes it. */
    public static final class Builder {
        private String title;
        private LocalDate date = DAY;
        private String publisher;
        private String series;
        private String category;
        private List<String> syllabus = List.of();
        private List<String> tags = List.of();
        private String context;
        private List<Credit> credits = List.of();
        private List<Section> sections = List.of();
        private List<Question> questions = List.of();

        private Builder() {}

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder on(LocalDate value) {
            date = value;
            return this;
        }

        public Builder publisher(String value) {
            publisher = value;
            return this;
        }

        public Builder series(String value) {
            series = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder syllabus(List<String> value) {
            syllabus = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder context(String value) {
            context = value;
            return this;
        }

        public Builder credits(List<Credit> value) {
            credits = value;
            return this;
        }

        public Builder sections(List<Section> value) {
            sections = value;
            return this;
        }

        public Builder questions(List<Question> value) {
            questions = value;
            return this;
        }

        public ArticleContent build() {
            return new ArticleContent(
                    title, date, publisher, series, category, syllabus, tags, context, credits, sections, questions);
        }
    }
}
