package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The entity pages in headless Chromium: axe-clean, the as-of picker without JavaScript, timelines in screenshots. */
@AlmanacTest
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
class FactsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    FactsDataSet dataSet;

    @Autowired
    app.almanac.account.AccountService accounts;

    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(dataSet.load("test").problems()).isEmpty();
        accounts.add(
                "test",
                "facts-editor@example.org",
                "Fay",
                "correct horse battery staple",
                app.almanac.account.Role.EDITOR);
        Files.createDirectories(Path.of("target", "screenshots"));
        browser = TestBrowser.start(1200, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEntityPageRedrawsAsOfTheChosenDateAndItsTimelineIsSeen() throws Exception {
        browser.get("http://localhost:" + port + "/facts/csto?asOf=2024-02-26");
        TestBrowser.assertAccessible(browser, "/facts/csto");
        Files.write(Path.of("target", "screenshots", "facts-csto.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(browser.findElements(By.cssSelector("table.members tbody tr")))
                .hasSize(6);
        var date = browser.findElement(By.id("asOf"));
        // a date typed into the picker and sent with the form's button: no script involved
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2008-06-01'", date);
        browser.findElement(By.cssSelector("form.filters button")).click();
        // the form's page loads after the click: wait for it rather than read the old address (a loaded CI machine)
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("asOf=2008-06-01"));
        assertThat(browser.getCurrentUrl()).endsWith("asOf=2008-06-01");
        assertThat(browser.findElement(By.cssSelector("table.members")).getText())
                .contains("Uzbekistan");
        browser.get("http://localhost:" + port + "/facts/unsc?asOf=2021-06-01");
        TestBrowser.assertAccessible(browser, "/facts/unsc");
        Files.write(Path.of("target", "screenshots", "facts-unsc.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.get("http://localhost:" + port + "/facts");
        TestBrowser.assertAccessible(browser, "/facts");
    }

    @Test
    void anEditorCorrectsAFactOnItsEntityPageAndUndoesItInTheBrowser() throws Exception {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("facts-editor@example.org");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple", org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get("http://localhost:" + port + "/facts/i2u2");
        TestBrowser.assertAccessible(browser, "/facts/i2u2 (editor)");
        browser.findElement(By.cssSelector("#edit + p + .table-wrap a")).click();
        TestBrowser.assertAccessible(browser, "a fact's form");
        Files.write(Path.of("target", "screenshots", "facts-edit.png"), browser.getScreenshotAs(OutputType.BYTES));
        var note = browser.findElement(By.id("note"));
        note.clear();
        note.sendKeys("Checked again by the desk.");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("saved");
        var latest = browser.findElement(By.cssSelector("#changes tbody tr"));
        assertThat(latest.getText()).contains("updated", "note changed", "Fay");
        Files.write(Path.of("target", "screenshots", "facts-changes.png"), browser.getScreenshotAs(OutputType.BYTES));
        latest.findElement(By.cssSelector("button")).click();
        // the page after the undo loads once the change (and the checks it sets off) commits: wait for it
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".notice")).stream()
                        .anyMatch(n -> n.getText().contains("undone")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("undone");
        assertThat(browser.findElement(By.cssSelector("#changes tbody tr")).getText())
                .contains("undone");
    }
}
