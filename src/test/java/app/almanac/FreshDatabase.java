package app.almanac;

import app.almanac.search.SearchService;
import app.almanac.web.AnonymousPages;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the shared test database before a test class starts (its {@code @BeforeAll} methods
 * included), and what is derived from it on this node: the search index and the kept pages. Ids
 * are not reset, so the change-log followers go on as they would after any deletion.
 */
public final class FreshDatabase implements BeforeAllCallback {

    /** The facts tables, children before parents (a test that loads facts per test empties these). */
    public static final List<String> FACT_TABLES = List.of(
            "fact_review",
            "fact_question",
            "article_check",
            "article_entity",
            "article_link_state",
            "fact_change",
            "fact_source",
            "fact_completeness",
            "fact",
            "fact_entity_name",
            "fact_entity",
            "fact_dataset");

    /** Children before parents; Flyway's history and Spring Session's tables are left alone. */
    private static final List<String> TABLES = List.of(
            "practice_review",
            "practice_card",
            "practice_profile",
            "practice_answer",
            "practice_attempt",
            "practice_notebook",
            "practice_report",
            "bookmark",
            "question_pair",
            "question_statement",
            "question_option",
            "question",
            "question_bank",
            "article_tag",
            "article_syllabus",
            "article_revision",
            "article",
            "change_log",
            "api_token",
            "password_reset",
            "known_device",
            "audit_event",
            "spring_session_attributes",
            "spring_session",
            "app_user");

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        JdbcClient jdbc = spring.getBean(JdbcClient.class);
        for (String table : TABLES) {
            jdbc.sql("delete from " + table).update();
        }
        for (String table : FACT_TABLES) {
            jdbc.sql("delete from " + table).update();
        }
        spring.getBean(app.almanac.facts.FactsService.class).forgetCopies();
        spring.getBeanProvider(SearchService.class).ifAvailable(search -> search.rebuild(done -> {}));
        spring.getBean(AnonymousPages.class).evictAll();
    }
}
