package app.almanac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium for the browser tests (Debian's chromium and chromium-driver), and axe-core in it. */
public final class TestBrowser {

    private static final String AXE = load("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

    private TestBrowser() {}

    /** A fresh browser with its own profile, at the given window size. */
    public static ChromeDriver start(int width, int height) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BrowserTests.CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("almanac-chromium"));
            ChromeDriver browser = new ChromeDriver(
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(BrowserTests.DRIVER.toFile())
                            .build(),
                    options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on any serious or critical accessibility violation axe-core finds on the current page. */
    @SuppressWarnings("unchecked")
    public static void assertAccessible(ChromeDriver browser, String where) {
        Map<String, Object> result = (Map<String, Object>)
                browser.executeAsyncScript(
                        AXE
                                + "\nconst done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({error: String(e)}));");
        assertThat(result).doesNotContainKey("error");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        assertThat(violations.stream()
                        .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                        .map(v -> v.get("id") + ": " + v.get("help"))
                        .toList())
                .as("axe on " + where)
                .isEmpty();
    }

    private static String load(String resource) {
        try (InputStream in = TestBrowser.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
