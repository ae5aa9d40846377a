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

    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(dataSet.load("test").problems()).isEmpty();
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
        assertThat(browser.getCurrentUrl()).endsWith("asOf=2008-06-01");
        assertThat(browser.findElement(By.cssSelector("table.members")).getText())
                .contains("Uzbekistan");
        browser.get("http://localhost:" + port + "/facts/unsc?asOf=2021-06-01");
        TestBrowser.assertAccessible(browser, "/facts/unsc");
        Files.write(Path.of("target", "screenshots", "facts-unsc.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.get("http://localhost:" + port + "/facts");
        TestBrowser.assertAccessible(browser, "/facts");
    }
}
