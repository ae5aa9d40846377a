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
 * TestArticles.article("Rates held").on(LocalDate.of(2024, 3, 1)).category("Economy").tags("RBI").build()
 * }</pre>
 */
public final class TestArticles {

    /** The day articles are of unless a test says otherwise. */
    public static final LocalDate DAY = LocalDate.of(2024, 5, 14);

    private TestArticles() {}

    /** An article titled {@code title} of {@link #DAY}, with nothing else in it yet. */
    public static Builder article(String title) {
        return new Builder(new ArticleContent(
                title, DAY, null, null, null, List.of(), List.of(), null, List.of(), List.of(), List.of()));
    }

    /** A copy of {@code content} to change. */
    public static Builder copyOf(ArticleContent content) {
        return new Builder(content);
    }

    /** Builds one article; each call returns a new builder, so builders can be shared. */
    public static final class Builder {
        private final ArticleContent c;

        private Builder(ArticleContent content) {
            this.c = content;
        }

        public Builder title(String title) {
            return with(
                    title,
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder on(LocalDate date) {
            return with(
                    c.title(),
                    date,
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder publisher(String publisher) {
            return with(
                    c.title(),
                    c.date(),
                    publisher,
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder series(String series) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    series,
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder category(String category) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    category,
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder syllabus(List<String> papers) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    papers,
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder tags(List<String> tags) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    tags,
                    c.context(),
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder context(String context) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    context,
                    c.credits(),
                    c.sections(),
                    c.questions());
        }

        public Builder credits(List<Credit> credits) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    credits,
                    c.sections(),
                    c.questions());
        }

        public Builder sections(List<Section> sections) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    sections,
                    c.questions());
        }

        public Builder questions(List<Question> questions) {
            return with(
                    c.title(),
                    c.date(),
                    c.publisher(),
                    c.series(),
                    c.category(),
                    c.syllabus(),
                    c.tags(),
                    c.context(),
                    c.credits(),
                    c.sections(),
                    questions);
        }

        public ArticleContent build() {
            return c;
        }

        private static Builder with(
                String title,
                LocalDate date,
                String publisher,
                String series,
                String category,
                List<String> syllabus,
                List<String> tags,
                String context,
                List<Credit> credits,
                List<Section> sections,
                List<Question> questions) {
            return new Builder(new ArticleContent(
                    title, date, publisher, series, category, syllabus, tags, context, credits, sections, questions));
        }
    }
}
