package app.almanac.desk;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestBrowser;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's whole day in real headless Chromium, with the Content-Security-Policy in force:
 * sign in, paste a publisher's text, correct it with the live preview, add a question, publish,
 * see it on the site and in the history. axe-core checks the desk's pages too.
 */
@AlmanacTest
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
class EditorBrowserTests {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        accounts.add("test", "editor@example.org", "Eda", PASSWORD, Role.EDITOR);
        Files.createDirectories(SCREENSHOTS);
        browser = TestBrowser.start(1400, 1000);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private WebDriverWait waiting() {
        return (WebDriverWait)
                new WebDriverWait(browser, Duration.ofSeconds(8)).ignoring(StaleElementReferenceException.class);
    }

    private void button(String text) {
        browser.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' on " + browser.getCurrentUrl()))
                .click();
    }

    private void accessible() {
        TestBrowser.assertAccessible(browser, browser.getCurrentUrl());
    }

    @Test
    void anEditorTakesPastedTextToAPublishedRevisedArticleWithQuestionsInTheBrowser() throws IOException {
        browser.get("http://localhost:" + port + "/login");
        screenshot("account-sign-in");
        browser.findElement(By.id("username")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        browser.findElement(By.linkText("Account")).click();
        accessible();
        screenshot("account-page");
        browser.findElement(By.linkText("Desk")).click();
        accessible();
        screenshot("desk-home");
        browser.findElement(By.linkText("New article from pasted text")).click();

        browser.findElement(By.id("text")).sendKeys(DeskTests.pasted("Tidal marsh restoration plan"));
        screenshot("desk-paste");
        button("Make drafts");
        waiting().until(d -> d.getCurrentUrl().matches(".*/desk/articles/\\d+$"));
        assertThat(browser.findElement(By.cssSelector("main > h1")).getText())
                .isEqualTo("Tidal marsh restoration plan");
        assertThat(browser.findElement(By.cssSelector(".kicker")).getText().toLowerCase())
                .contains("draft", "revision 1");
        accessible();

        // the live preview follows the text as it is typed (htmx, under the site's CSP)
        WebElement editor = browser.findElement(By.id("markdown"));
        String text = editor.getAttribute("value");
        assertThat(text).contains("three wetlands");
        editor.clear();
        editor.sendKeys(text.replace("three wetlands", "five tidal marshes"));
        waiting()
                .until(d -> d.findElement(By.cssSelector("#preview .context"))
                        .getText()
                        .contains("five tidal marshes"));
        screenshot("desk-editor-live-preview");
        button("Save revision");
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Saved as revision 2"));

        browser.findElement(By.linkText("Questions")).click();
        browser.findElement(By.id("text-new")).sendKeys("""
                ### Q2. How many marshes does the plan restore?

                - A) Three
                - B) Five

                **Answer:** B

                **Explanation:** The corrected text says five.
                """);
        button("Add question");
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Saved as revision 3"));
        assertThat(browser.findElement(By.id("text-1")).getAttribute("value")).contains("How many marshes");
        button("Move up");
        waiting()
                .until(d -> d.findElement(By.id("text-0")).getAttribute("value").contains("How many marshes"));
        accessible();
        screenshot("desk-questions");

        browser.findElement(By.linkText("Edit")).click();
        button("Publish now");
        waiting()
                .until(d -> d.findElement(By.cssSelector(".kicker"))
                        .getText()
                        .toLowerCase()
                        .contains("published"));
        browser.findElement(By.linkText("View on site")).click();
        assertThat(browser.findElement(By.cssSelector("article .context")).getText())
                .contains("five tidal marshes");
        List<WebElement> questions = browser.findElements(By.cssSelector(".practice .question"));
        assertThat(questions).hasSize(2);
        assertThat(questions.get(0).getText()).contains("How many marshes");
        screenshot("desk-published-article");

        browser.navigate().back();
        browser.findElement(By.linkText("History")).click();
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("tbody tr")).getText()).contains("editor@example.org");
        browser.findElement(By.linkText("with 1")).click();
        assertThat(browser.findElement(By.cssSelector("table.diff")).getText())
                .contains("three wetlands", "five tidal marshes");
        accessible();
        screenshot("desk-diff");
    }
}
