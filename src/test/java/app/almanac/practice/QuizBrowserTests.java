package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.MutableClock;
import app.almanac.TestArticles;
import app.almanac.TestBrowser;
import app.almanac.TestSeeds;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A timed daily quiz in headless Chromium: answers saved as chosen, a reload mid-quiz, the clock running out. */
@AlmanacTest
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
class QuizBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    ArticleWriter writer;

    @Autowired
    MutableClock clock;

    private ChromeDriver browser;

    @BeforeAll
    void start() {
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        writer.save(TestArticles.article("Ramsar sites added in the east")
                .on(LocalDate.of(2024, 2, 26))
                .syllabus(List.of("GS-III"))
                .questions(List.of(
                        new Question(
                                "Which convention lists wetlands of international importance?",
                                List.of(
                                        new Question.Option("A", "Ramsar"),
                                        new Question.Option("B", "Bonn"),
                                        new Question.Option("C", "Basel"),
                                        new Question.Option("D", "Rotterdam")),
                                List.of("A"),
                                "The Ramsar Convention keeps the list."),
                        new Question(
                                "Which body designates Ramsar sites in India?",
                                List.of(
                                        new Question.Option("A", "The state governments alone"),
                                        new Question.Option("B", "The Union environment ministry, with the convention"),
                                        new Question.Option("C", "The Supreme Court"),
                                        new Question.Option("D", "NITI Aayog")),
                                List.of("B"),
                                "The Union ministry proposes sites; the convention's bureau lists them.")))
                .build());
        browser = TestBrowser.start(1200, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** A wait that looks again when htmx has just swapped the element out from under it. */
    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void aTimedQuizKeepsEveryAnswerAcrossAReloadAndIsSubmittedWhenTheClockRunsOut() {
        open("/practice/daily/2024-02-26");
        TestBrowser.assertAccessible(browser, "the daily quiz page");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/practice/attempts/\\d+$"));
        String attempt = browser.getCurrentUrl();
        TestBrowser.assertAccessible(browser, "the attempt page");
        assertThat(browser.findElements(By.cssSelector("#palette a"))).hasSize(3);

        // question 1: chosen, saved by htmx at once (the palette comes back with it answered)
        browser.findElement(By.cssSelector("input[name=choice][value=D]")).click();
        waitUpTo(10)
                .until(ExpectedConditions.attributeContains(
                        By.cssSelector("#palette li:nth-child(1) a"), "class", "answered"));

        // question 2: answered and marked for review, without htmx's help (the button posts the form)
        open(attempt.replaceAll("^https?://[^/]+", "") + "?q=2");
        browser.findElement(By.cssSelector("input[name=choice][value=A]")).click();
        waitUpTo(10)
                .until(ExpectedConditions.attributeContains(
                        By.cssSelector("#palette li:nth-child(2) a"), "class", "answered"));
        browser.findElement(By.cssSelector("button[value=mark]")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("?q=3"));

        // a reload, and everything is where it was
        open(attempt.replaceAll("^https?://[^/]+", "") + "?q=1");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("input[name=choice][value=D]"))
                        .isSelected())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("#palette li:nth-child(2) a"))
                        .getAttribute("class"))
                .contains("answered-marked");
        assertThat(browser.findElement(By.cssSelector("#palette li:nth-child(3) a"))
                        .getAttribute("class"))
                .contains("unanswered");

        // the server's clock moves to 3 seconds before the deadline; the page's clock runs out and reloads
        String deadline = browser.findElement(By.id("clock")).getAttribute("datetime");
        clock.advance(Duration.between(clock.instant(), Instant.parse(deadline)).minusSeconds(3));
        browser.navigate().refresh();
        waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/result"));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("The time ran out");
        assertThat(browser.findElement(By.id("right")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("blank")).getText()).isEqualTo("1");
        TestBrowser.assertAccessible(browser, "the result page");
    }
}
