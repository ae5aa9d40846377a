package app.almanac;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.SampleContent;
import app.almanac.search.SearchService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader's paths through the site in real headless Chromium (Debian's chromium and
 * chromium-driver), with axe-core checking accessibility. Screenshots go to target/screenshots.
 * Skipped on a machine without Chromium, except in CI, which must run them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "almanac.samples=true"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
public class BrowserTests {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    SampleContent samples;

    @Autowired
    SearchService search;

    private ChromeDriver browser;

    public static boolean browserAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing");
        }
        return present;
    }

    @BeforeAll
    void start() throws IOException {
        assertThat(samples.loadedAtStart()).isPositive();
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        search.catchUp();
        Files.createDirectories(SCREENSHOTS);
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

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aReaderGoesFromTheHomePageToAnArticleAndRevealsTheAnswer() throws IOException {
        open("/");
        screenshot("home");
        browser.findElement(By.cssSelector("ol.articles .title a")).click();
        assertThat(browser.getCurrentUrl()).contains("/articles/");
        WebElement details = browser.findElement(By.cssSelector(".question details"));
        WebElement answer = details.findElement(By.cssSelector(".answer"));
        assertThat(answer.isDisplayed()).as("hidden until asked").isFalse();
        details.findElement(By.tagName("summary")).click();
        assertThat(answer.isDisplayed()).isTrue();
        assertThat(answer.getText()).startsWith("Answer:");
        screenshot("article-answer-shown");
    }

    @Test
    void aReaderSearchesAndOpensAResult() throws IOException {
        open("/search");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Collective Security Treaty Organization", Keys.ENTER);
        // the results page loads after Enter: wait for it rather than read the old page
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("ol.hits .title a")).isEmpty());
        List<WebElement> hits = browser.findElements(By.cssSelector("ol.hits .title a"));
        assertThat(hits).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("ol.hits mark"))).isNotEmpty();
        screenshot("search-results");
        hits.get(0).click();
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
    }

    @Test
    void aReaderDownloadsTheMonthsCompilation() throws Exception {
        open("/archive/2024-02");
        screenshot("archive");
        String href = browser.findElement(By.cssSelector("a.download")).getAttribute("href");
        assertThat(href).endsWith("/compilations/2024-02.pdf");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndItIsVisibleWhenFocused() {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/articles/2024-02-26/collective-security-treaty-organisation-csto",
                "/search?q=csto",
                "/archive/2024-02",
                "/categories",
                "/no-such-page"
            })
    void pagesHaveNoSeriousAccessibilityViolationsAndFitAPhone(String path) throws IOException {
        browser.manage().window().setSize(new Dimension(1200, 900));
        open(path);
        TestBrowser.assertAccessible(browser, path);
        browser.manage().window().setSize(new Dimension(360, 800));
        open(path);
        Number scrollWidth =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        Number clientWidth =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        assertThat(scrollWidth.intValue())
                .as("no sideways scrolling on a 360 px phone: " + path)
                .isLessThanOrEqualTo(clientWidth.intValue());
        screenshot("phone" + path.replaceAll("[^a-z0-9]+", "-"));
        browser.manage().window().setSize(new Dimension(1200, 900));
    }
}
