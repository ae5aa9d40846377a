package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Item statistics from real attempts: six learners take a daily quiz of five questions; the strong
 * ones miss the third (a trap) and nobody gets the fourth; the desk's review queue flags both, and a
 * learner's result shows each question's difficulty.
 */
@AlmanacTest
class ItemStatsTests {

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDate DAY = LocalDate.of(2024, 4, 8);

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleWriter writer;

    @Autowired
    PracticeService practice;

    @Autowired
    ItemStats stats;

    private long lastAttempt;

    @BeforeAll
    void seed() {
        List<Question> qs = new ArrayList<>();
        for (String stem : List.of(
                "Which schedule of the Constitution lists the official languages?",
                "Which article provides for the Finance Commission?",
                "Which body appoints the Chief Election Commissioner?",
                "In which year was the Inter-State Council first set up?",
                "Which schedule lists the subjects of the Union, State and Concurrent Lists?")) {
            qs.add(new Question(
                    stem,
                    List.of(
                            new Question.Option("A", "First"),
                            new Question.Option("B", "Second"),
                            new Question.Option("C", "Third"),
                            new Question.Option("D", "Fourth")),
                    List.of("A"),
                    "Keyed A for this test."));
        }
        writer.save(TestArticles.article("Constitutional bodies in brief")
                .on(DAY)
                .syllabus(List.of("GS-II"))
                .category("Polity")
                .questions(qs)
                .build());
        // learner i answers: q1 and q5 right for the strongest four, q2 right for the strongest three, q3 (a
        // trap) right only for the two weakest, q4 wrong for all
        String[][] answers = {
            {"A", "A", "B", "B", "A"},
            {"A", "A", "B", "B", "A"},
            {"A", "A", "B", "B", "A"},
            {"A", "B", "B", "B", "A"},
            {"B", "B", "A", "B", "B"},
            {"B", "B", "A", "B", "B"},
        };
        for (int i = 0; i < answers.length; i++) {
            String email = "stats" + i + "@example.org";
            long user = accounts.add("test", email, "S", PASSWORD, Role.LEARNER).id();
            Learner learner = Learner.user(user);
            Attempt attempt = practice.start(
                    learner,
                    new PracticeService.Request(
                            "daily", DAY, app.almanac.article.QuestionService.Filter.ALL, 0, 0, false, null));
            for (int q = 0; q < 5; q++) {
                practice.answer(
                        learner, attempt.id(), attempt.answers().get(q).questionId(), answers[i][q], Confidence.SURE);
            }
            practice.submit(learner, attempt.id());
            lastAttempt = attempt.id();
        }
        accounts.add("test", "statseditor@example.org", "E", PASSWORD, Role.EDITOR);
    }

    @Test
    void theTrapAndTheQuestionNobodyGetsAreFlaggedToEditors() {
        List<ItemStats.Flagged> flagged = stats.flagged();
        assertThat(flagged)
                .extracting(f -> f.question().question().stem())
                .containsExactly(
                        "Which body appoints the Chief Election Commissioner?",
                        "In which year was the Inter-State Council first set up?");
        ItemStats.Flagged trap = flagged.get(0);
        assertThat(trap.discriminationIndex()).isNegative();
        // two right (+2), four wrong (−⅔): a mean of 2/9 of a mark out of 2, a facility of 11.1%
        assertThat(trap.facility()).isCloseTo(100.0 / 9, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(trap.reasons()).anyMatch(r -> r.startsWith("negative discrimination"));
        assertThat(flagged.get(1).reasons()).contains("nobody answered right");

        List<ItemStats.QuizConsistency> quizzes = stats.quizzes();
        assertThat(quizzes).singleElement().satisfies(q -> {
            assertThat(q.quizKey()).isEqualTo("daily:" + DAY);
            assertThat(q.attempts()).isEqualTo(6);
            assertThat(q.questions()).isEqualTo(5);
        });

        TestSession editor = TestSession.signedIn(port, "statseditor@example.org", PASSWORD);
        var page = Jsoup.parse(editor.get("/desk/review").body());
        assertThat(page.select("#statistics")).hasSize(1);
        assertThat(page.text())
                .contains("Which body appoints the Chief Election Commissioner?", "nobody answered right");
    }

    @Test
    void learnersSeeEachQuestionsDifficultyOnTheirResult() {
        TestSession learner = TestSession.signedIn(port, "stats5@example.org", PASSWORD);
        var result = Jsoup.parse(
                learner.get("/practice/attempts/" + lastAttempt + "/result").body());
        // facility: q1 (4 × 2 − 2 × ⅔) / (6 × 2) = 55.6%, "About right"; q4 all wrong: −33%, "Extremely difficult"
        assertThat(result.select(".difficulty").eachText())
                .containsExactly(
                        "About right", "Moderately difficult", "Difficult", "Extremely difficult", "About right");
    }
}
