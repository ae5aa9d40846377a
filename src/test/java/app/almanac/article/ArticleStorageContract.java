package app.almanac.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.almanac.TestArticles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What article storage must do, run against every database Almanac supports: each subclass
 * points the application at one database (H2, PostgreSQL) and inherits every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
@Import(ArticleStorageContract.FixedClock.class)
abstract class ArticleStorageContract {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("delete from change_log").update();
        jdbc.sql("delete from article").update();
    }

    @Test
    void readsBackExactlyWhatWasSaved() {
        SaveResult saved = writer.save(ArticleMother.riverTreaty());
        assertThat(saved.outcome()).isEqualTo(SaveResult.Outcome.CREATED);
        assertThat(saved.article().revision()).isEqualTo(1);
        assertThat(saved.article().slug()).isEqualTo("a-river-sharing-treaty-is-renewed");
        Article read = articles.findPublishedBySlug("a-river-sharing-treaty-is-renewed")
                .orElseThrow();
        assertThat(read.content()).isEqualTo(ArticleMother.riverTreaty());
        assertThat(read.path()).isEqualTo("/articles/2024-05-14/a-river-sharing-treaty-is-renewed");
    }

    @Test
    void findsAnArticleOnlyUnderItsOwnDate() {
        writer.save(ArticleMother.riverTreaty());
        assertThat(articles.find(LocalDate.of(2024, 5, 14), "a-river-sharing-treaty-is-renewed"))
                .isPresent();
        assertThat(articles.find(LocalDate.of(2024, 5, 15), "a-river-sharing-treaty-is-renewed"))
                .isEmpty();
        assertThat(articles.findPublishedBySlug("no-such-article")).isEmpty();
    }

    @Test
    void savingTheSameContentAgainChangesNothing() {
        writer.save(ArticleMother.riverTreaty());
        SaveResult again = writer.save(ArticleMother.riverTreaty());
        assertThat(again.outcome()).isEqualTo(SaveResult.Outcome.UNCHANGED);
        assertThat(again.article().revision()).isEqualTo(1);
        assertThat(articles.count()).isEqualTo(1);
        assertThat(changeLog()).containsExactly("CREATED");
    }

    @Test
    void anEditIsANewRevisionOfTheSameArticleAndKeepsQuestionIds() {
        writer.save(ArticleMother.riverTreaty());
        List<Long> idsBefore = questionIds();
        SaveResult edited = writer.save(ArticleMother.riverTreatyEdited());
        assertThat(edited.outcome()).isEqualTo(SaveResult.Outcome.UPDATED);
        assertThat(edited.article().revision()).isEqualTo(2);
        assertThat(edited.article().content()).isEqualTo(ArticleMother.riverTreatyEdited());
        assertThat(articles.count()).isEqualTo(1);
        assertThat(questionIds()).containsExactlyElementsOf(idsBefore.subList(0, 2));
        assertThat(changeLog()).containsExactly("CREATED", "UPDATED");
        assertThat(jdbc.sql("select count(*) from article_revision")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theSameTitleOnAnotherDayIsAnotherArticleWithItsOwnSlug() {
        writer.save(ArticleMother.riverTreaty());
        ArticleContent a = ArticleMother.riverTreaty();
        ArticleContent nextDay = TestArticles.article(a.title())
                .on(a.date().plusDays(1))
                .publisher(a.publisher())
                .series(a.series())
                .category(a.category())
                .syllabus(a.syllabus())
                .tags(a.tags())
                .context(a.context())
                .credits(a.credits())
                .sections(a.sections())
                .questions(a.questions())
                .build();
        SaveResult saved = writer.save(nextDay);
        assertThat(saved.outcome()).isEqualTo(SaveResult.Outcome.CREATED);
        assertThat(saved.article().slug()).isEqualTo("a-river-sharing-treaty-is-renewed-2024-05-15");
        assertThat(articles.latest(10))
                .extracting(ArticleSummary::date)
                .containsExactly(LocalDate.of(2024, 5, 15), LocalDate.of(2024, 5, 14));
    }

    @Test
    void titlesThatDifferOnlyInCaseAndPunctuationAreOneArticleButMarksMatter() {
        ArticleContent a = ArticleMother.riverTreaty();
        writer.save(a);
        ArticleContent shouted = TestArticles.article("A RIVER-SHARING TREATY, IS RENEWED!")
                .on(a.date())
                .publisher(a.publisher())
                .series(a.series())
                .category(a.category())
                .syllabus(a.syllabus())
                .tags(a.tags())
                .context(a.context())
                .credits(a.credits())
                .sections(a.sections())
                .questions(a.questions())
                .build();
        assertThat(writer.save(shouted).outcome()).isEqualTo(SaveResult.Outcome.UPDATED);
        ArticleContent tax =
                TestArticles.article("कर").on(a.date()).context("x").build();
        ArticleContent work =
                TestArticles.article("कार").on(a.date()).context("y").build();
        assertThat(writer.save(tax).outcome()).isEqualTo(SaveResult.Outcome.CREATED);
        SaveResult second = writer.save(work);
        assertThat(second.outcome())
                .as("different words, though their slugs agree")
                .isEqualTo(SaveResult.Outcome.CREATED);
        assertThat(second.article().slug())
                .isNotEqualTo(writer.save(tax).article().slug());
        assertThat(articles.count()).isEqualTo(3);
    }

    @Test
    void readingQueriesWorkOnThisDatabase() {
        ArticleContent a = ArticleMother.riverTreaty();
        Article first = writer.save(a).article();
        Article later = writer.save(TestArticles.article(a.title())
                        .on(a.date().plusDays(3))
                        .category(a.category())
                        .syllabus(List.of("GS-II"))
                        .tags(List.of("Water"))
                        .context("Follow-up.")
                        .build())
                .article();
        Digest day = articles.digest(a.date());
        assertThat(day.articles()).extracting(ArticleSummary::id).containsExactly(first.id());
        assertThat(day.previous()).isNull();
        assertThat(day.next()).isEqualTo(a.date().plusDays(3));
        assertThat(articles.latestDigest())
                .hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(a.date().plusDays(3)));
        MonthArchive month = articles.month(YearMonth.from(a.date()));
        assertThat(month.total()).isEqualTo(2);
        assertThat(month.count(a.date())).isEqualTo(1);
        assertThat(articles.categories())
                .extracting(ArticleService.Topic::slug)
                .containsExactly("international-relations");
        assertThat(articles.byCategory("international-relations", 1))
                .hasValueSatisfying(l -> assertThat(l.total()).isEqualTo(2));
        assertThat(articles.byTag("Water", 1))
                .hasValueSatisfying(l -> assertThat(l.articles()).hasSize(2));
        assertThat(articles.bySyllabus("Prelims", 1))
                .hasValueSatisfying(l -> assertThat(l.total()).isEqualTo(1));
        assertThat(articles.byTag("Water", 2)).isEmpty();
        assertThat(articles.related(later, 5)).extracting(ArticleSummary::id).containsExactly(first.id());
        assertThat(articles.earlierOfStory(later, 5))
                .extracting(ArticleSummary::id)
                .containsExactly(first.id());
        assertThat(articles.earlierOfStory(first, 5)).isEmpty();
    }

    @Test
    void everyChangeIsAnEventAndNoChangeIsNone() {
        Article created = writer.save(ArticleMother.riverTreaty()).article();
        writer.save(ArticleMother.riverTreaty());
        writer.save(ArticleMother.riverTreatyEdited());
        assertThat(events.stream(ArticleChanged.class))
                .extracting(
                        ArticleChanged::id,
                        ArticleChanged::revision,
                        ArticleChanged::status,
                        e -> e.edit().author())
                .containsExactly(
                        tuple(created.id(), 1, Status.PUBLISHED, Edit.IMPORT),
                        tuple(created.id(), 2, Status.PUBLISHED, Edit.IMPORT));
    }

    @Test
    void recordsWhenItSaved() {
        writer.save(ArticleMother.riverTreaty());
        Instant at = jdbc.sql("select occurred_at from change_log")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(at).isEqualTo(NOW);
    }

    private List<String> changeLog() {
        return jdbc.sql("select action from change_log order by id")
                .query(String.class)
                .list();
    }

    private List<Long> questionIds() {
        return jdbc.sql("select id from question order by position")
                .query(Long.class)
                .list();
    }
}
