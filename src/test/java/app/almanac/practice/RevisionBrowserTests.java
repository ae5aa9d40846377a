package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.MutableClock;
import app.almanac.TestArticles;
import app.almanac.TestBrowser;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
import app.almanac.article.QuestionService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Revision in headless Chromium: set an exam date, answer the due queue, see the dashboard change. */
@AlmanacTest
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
class RevisionBrowserTests {

    private static final String EMAIL = "revision-browser@example.org";
    private static final String PASSWORD = "correct horse battery staple";
    private static final LocalDate DAY = LocalDate.of(2024, 5, 6);

    @LocalServerPort
    int port;

    @Autowired
    ArticleWriter writer;

    @Autowired
    AccountService accounts;

    @Autowired
    PracticeService practice;

    @Autowired
    Revision revision;

    @Autowired
    MutableClock clock;

    private ChromeDriver browser;

    @BeforeAll
    void start() {
        writer.save(TestArticles.article("Two passes through the Himalaya")
                .on(DAY)
                .syllabus(List.of("GS-I"))
                .category("Geography")
                .questions(List.of(
                        new Question(
                                "Which pass links Sikkim with Tibet's Chumbi valley?",
                                List.of(
                                        new Question.Option("A", "Zoji La"),
                                        new Question.Option("B", "Nathu La"),
                                        new Question.Option("C", "Shipki La"),
                                        new Question.Option("D", "Bomdi La")),
                                List.of("B"),
                                "Nathu La is on the Sikkim border."),
                        new Question(
                                "Which pass joins Srinagar and Leh?",
                                List.of(
                                        new Question.Option("A", "Rohtang"),
                                        new Question.Option("B", "Zoji La"),
                                        new Question.Option("C", "Lipulekh"),
                                        new Question.Option("D", "Jelep La")),
                                List.of("B"),
                                "Zoji La carries the Srinagar–Leh road.")))
                .build());
        long user = accounts.add("test", EMAIL, "R", PASSWORD, Role.LEARNER).id();
        // yesterday's quiz, both answers wrong: both come back today
        Learner learner = Learner.user(user);
        Attempt attempt = practice.start(
                learner, new PracticeService.Request("daily", DAY, QuestionService.Filter.ALL, 0, 0, false, null));
        for (Attempt.Answer a : attempt.answers()) {
            practice.answer(learner, attempt.id(), a.questionId(), "A", Confidence.SURE);
        }
        practice.submit(learner, attempt.id());
        clock.advance(Duration.ofDays(1));
        browser = TestBrowser.start(1200, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    @Test
    void aLearnerSetsAnExamDateAnswersTheDueQueueAndSeesTheDashboardUpdate() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(EMAIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUpTo(10).until(d -> !d.getCurrentUrl().contains("/login"));

        open("/me/progress");
        TestBrowser.assertAccessible(browser, "the progress dashboard");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("2 answers in all", "0% right");

        open("/practice/review");
        TestBrowser.assertAccessible(browser, "the revision page");
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).hasSize(2);
        LocalDate exam = revision.today().plusDays(60);
        // a date input takes its value in the page's own format; set it as the form would send it
        browser.executeScript("document.getElementById('examDate').value = arguments[0];", exam.toString());
        browser.findElement(By.cssSelector("form.plan button[type=submit]")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/practice/review?saved"));
        assertThat(browser.findElement(By.id("examDate")).getAttribute("value")).isEqualTo(exam.toString());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("comes back at least once before");

        browser.findElement(By.xpath("//button[normalize-space()=\"Start today's revision\"]"))
                .click();
        waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/practice/attempts/\\d+$"));
        TestBrowser.assertAccessible(browser, "the revision quiz");
        for (int q = 1; q <= 2; q++) {
            int number = q;
            waitUpTo(10)
                    .until(d -> d.findElements(By.cssSelector("input[name=choice][value=B]"))
                                    .size()
                            == 1);
            browser.findElement(By.cssSelector("input[name=choice][value=B]")).click();
            browser.findElement(By.cssSelector("input[name=confidence][value=sure]"))
                    .click();
            String before = browser.getCurrentUrl();
            browser.findElement(By.cssSelector("button[value=next]")).click();
            waitUpTo(10).until(d -> !d.getCurrentUrl().equals(before) || number == 2);
        }
        browser.findElement(By.cssSelector("form.submit button")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/result"));

        open("/practice/review");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing is due today");

        open("/me/progress");
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).contains("4 answers in all", "50% right");
        assertThat(main).contains("Expected GS Paper I score on exam day");
        assertThat(browser.findElements(By.cssSelector("#forecast-chart rect.bar")))
                .isNotEmpty();
        TestBrowser.assertAccessible(browser, "the progress dashboard after a revision");
    }
}
