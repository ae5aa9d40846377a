package app.almanac.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestBrowser;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.EditorialService;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.ParseResult;
import app.almanac.search.SearchService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stored-XSS attack suite, in real headless Chromium. Every payload of a published list goes in
 * through each way text enters Almanac (import, the editor, the question editor, search, notes, a
 * display name) and every page that shows it is loaded with the Content-Security-Policy switched
 * off, so that what is proven is the escaping and sanitising themselves, not the CSP behind them:
 * no dialog may open and the page may hold no script, event handler or javascript: URL but its own.
 */
@AlmanacTest
@EnabledIf("app.almanac.BrowserTests#browserAvailable")
class XssBrowserTests {

    static final String PASSWORD = "correct horse battery";
    static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    /** What a page must not hold, counted in the page itself after it has loaded and run. */
    static final String INSPECT = """
            const own = s => (s.src && new URL(s.src).pathname.startsWith('/webjars/')) || s.type === 'application/ld+json';
            const all = [...document.querySelectorAll('*')];
            const bad = [];
            for (const s of document.scripts) if (!own(s)) bad.push('script: ' + s.outerHTML.slice(0, 80));
            for (const e of all) for (const a of e.attributes) {
              if (a.name.startsWith('on')) bad.push('handler: ' + a.name + ' on ' + e.tagName);
              if (/^\\s*(javascript|vbscript|data):/i.test(a.value) && ['href','src','action','formaction','data','background','dynsrc'].includes(a.name))
                bad.push('url: ' + a.name + '=' + a.value.slice(0, 60));
              if (/^(data-)?hx-/.test(a.name) && !(e.id === 'markdown' && e.tagName === 'TEXTAREA')) bad.push('htmx: ' + a.name);
            }
            for (const e of document.querySelectorAll('iframe,frame,frameset,object,embed,base,meta[http-equiv],style,link[rel=stylesheet]:not([href="/css/almanac.css"])'))
              bad.push('element: ' + e.tagName);
            if (window.__pwned) bad.push('a payload ran');
            return bad;""";

    @LocalServerPort
    int port;

    @Autowired
    ImportService importer;

    @Autowired
    AccountService accounts;

    @Autowired
    EditorialService editorial;

    @Autowired
    SearchService search;

    List<String> payloads;
    ChromeDriver browser;
    TestSession editor;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/attacks/xss-payloads.txt")) {
            payloads = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(50);
        accounts.add("test", "editor@example.org", "Eda", PASSWORD, Role.EDITOR);
        accounts.add("test", "learner@example.org", "Lena", PASSWORD, Role.LEARNER);
        editor = TestSession.signedIn(port, "editor@example.org", PASSWORD);

        browser = TestBrowser.start(1200, 900);
        // test the escaping, not the CSP behind it: with the policy on, an unescaped payload would not run either
        browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** An article with {@code payload} in every field a source can fill. */
    static ArticleContent carrying(int n, String payload) {
        Question question = new Question(
                payload,
                List.of(new Question.Option("A", payload), new Question.Option("B", "plain")),
                List.of("A"),
                payload);
        // short fields (publisher, series, category, tags) hold at most 200 characters: the rest is refused, rightly
        String shortPayload = payload.length() <= 200 ? payload : payload.substring(0, 200);
        return TestArticles.article("Attack " + n + " " + payload)
                .on(DAY)
                .publisher(shortPayload)
                .series(shortPayload)
                .category(shortPayload)
                .syllabus(List.of("GS2"))
                .tags(List.of("attack-" + n, shortPayload))
                .context(payload)
                .credits(List.of(new Credit("Source", payload, "https://example.org/?q=\"><script>alert(1)</script>")))
                .sections(List.of(new Section(
                        payload,
                        List.of(
                                new Block.Paragraph(payload),
                                new Block.BulletList(List.of(payload, "plain")),
                                new Block.FactTable(
                                        List.of(payload, "Details"),
                                        List.of(List.of(List.of(payload), List.of(payload, "plain"))))))))
                .questions(List.of(question))
                .build();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Fails when the loaded page ran or holds anything a payload could have put there. */
    @SuppressWarnings("unchecked")
    private void assertSafe(String where) {
        try {
            String text = browser.switchTo().alert().getText();
            fail("a dialog opened on " + where + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: good
        }
        List<Object> bad;
        try {
            bad = (List<Object>) browser.executeScript(INSPECT);
        } catch (UnhandledAlertException e) {
            throw new AssertionError("a dialog opened on " + where, e);
        }
        assertThat(bad).as(where).isEmpty();
    }

    private void signInInBrowser(String email) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void theInspectionCatchesAPayloadThatIsNotEscaped() {
        // the control: the same checks on a page that does not escape must fail
        browser.get("data:text/html,<p>x</p><img src=x onmouseover=alert(1)><a href='javascript:alert(1)'>y</a>");
        List<?> bad = (List<?>) browser.executeScript(INSPECT);
        assertThat(bad).hasSize(2);
        browser.get("data:text/html,<script>alert(1)</script>");
        assertThat(browser.switchTo().alert().getText()).isEqualTo("1");
        browser.switchTo().alert().accept();
    }

    @Test
    void importedPayloadsAreShownAsTextOnEveryReadingPage() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] markdown =
                    ArticleFiles.markdown(carrying(i, payloads.get(i))).getBytes(StandardCharsets.UTF_8);
            ParseResult parsed = ArticleFiles.parse("attack-" + i + ".md", markdown);
            assertThat(parsed.errors()).as(payloads.get(i)).isEmpty();
            var stored = importer.store(parsed);
            assertThat(stored.ok()).isTrue();
            paths.add(stored.saved().get(0).article().path());
        }
        search.catchUp();
        for (int i = 0; i < paths.size(); i++) {
            open(paths.get(i));
            assertSafe("article page of payload " + i + ": " + payloads.get(i));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .as("the payload is shown as text")
                    .isEqualTo(("Attack " + i + " " + payloads.get(i))
                            .replaceAll("\\s+", " ")
                            .strip());
        }
        for (String path :
                List.of("/", "/daily/" + DAY, "/archive/2025-06", "/tags/attack-3", "/syllabus/GS2", "/categories")) {
            open(path);
            assertSafe(path);
        }
    }

    @Test
    void payloadsInSearchQueriesAndFiltersAreShownAsText() {
        for (String payload : payloads) {
            String q = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            open("/search?q=" + q + "&category=" + q + "&tag=" + q);
            assertSafe("search for " + payload);
        }
    }

    @Test
    void payloadsWrittenInTheEditorAndTheQuestionEditorNeverRunOnTheDeskOrTheSite() {
        signInInBrowser("editor@example.org");
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            ArticleContent content = carrying(1000 + i, payload);
            HttpResponse<String> made =
                    editor.post("/desk/new", Map.of("text", ArticleFiles.markdown(content.withQuestions(List.of()))));
            assertThat(made.statusCode())
                    .as(payload + "\n"
                            + Jsoup.parse(made.body()).select("[role=alert]").text())
                    .isEqualTo(302);
            long id = TestSession.redirectedId(made);
            String snippet = ArticleFiles.markdown(TestArticles.article("q")
                    .on(DAY)
                    .questions(content.questions())
                    .build());
            snippet = snippet.substring(snippet.indexOf("### Q1."));
            assertThat(editor.post(
                                    "/desk/articles/" + id + "/questions",
                                    Map.of("base", "1", "action", "add", "text", snippet))
                            .statusCode())
                    .as(payload)
                    .isEqualTo(302);
            editor.post("/desk/articles/" + id + "/status", Map.of("action", "publish"));

            open("/desk/articles/" + id);
            assertSafe("the editor for " + payload);
            open("/desk/articles/" + id + "/questions");
            assertSafe("the question editor for " + payload);
            open("/desk/articles/" + id + "/history");
            assertSafe("the history of " + payload);
            open(editorial.state(id).path());
            assertSafe("the published page of " + payload);
        }
        open("/desk");
        assertSafe("the desk's lists");
    }

    @Test
    void theLivePreviewRendersPayloadsAsText() {
        signInInBrowser("editor@example.org");
        HttpResponse<String> made =
                editor.post("/desk/new", Map.of("text", ArticleFiles.markdown(carrying(5000, "plain"))));
        String location = made.headers().firstValue("Location").orElseThrow();
        open(location.replaceFirst("^https?://[^/]+", ""));
        for (String payload : payloads.subList(0, 20)) {
            String markdown = ArticleFiles.markdown(carrying(5000, payload));
            // as if typed: set the text and fire the input event htmx listens for
            browser.executeScript(
                    "const t = document.getElementById('markdown'); t.value = arguments[0];"
                            + "t.dispatchEvent(new Event('input', {bubbles: true}));",
                    markdown);
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#preview h1"))
                            .getText()
                            .equals(("Attack 5000 " + payload)
                                    .replaceAll("\\s+", " ")
                                    .strip()));
            assertSafe("the live preview of " + payload);
        }
    }

    @Test
    void notesAndNamesWithPayloadsAreSanitisedOrEscaped() {
        var article = importer.store(ArticleFiles.parse(
                        "note-host.md",
                        ArticleFiles.markdown(carrying(9000, "plain host")).getBytes(StandardCharsets.UTF_8)))
                .saved()
                .get(0)
                .article();
        accounts.add("test", "noter@example.org", "<img src=x onerror=alert(1)>", PASSWORD, Role.LEARNER);
        TestSession noter = TestSession.signedIn(port, "noter@example.org", PASSWORD);
        noter.post("/bookmarks", Map.of("article", String.valueOf(article.id())));
        long bookmark = Long.parseLong(Jsoup.parse(noter.get("/bookmarks").body())
                .select("form[action$=/note]")
                .attr("action")
                .replaceAll("\\D", ""));
        signInInBrowser("noter@example.org");
        for (String payload : payloads) {
            assertThat(noter.post("/bookmarks/" + bookmark + "/note", Map.of("note", "**Remember** " + payload))
                            .statusCode())
                    .isEqualTo(302);
            open("/bookmarks");
            assertSafe("a note holding " + payload);
            assertThat(browser.findElement(By.cssSelector(".note strong")).getText())
                    .isEqualTo("Remember");
        }
        open("/account");
        assertSafe("an account page with a hostile name");
        signInInBrowser("editor@example.org");
        open("/admin/users");
        // editors cannot see the admin pages; an admin can, and the name is escaped there
        accounts.add("test", "admin@example.org", "Ada", PASSWORD, Role.ADMIN);
        signInInBrowser("admin@example.org");
        open("/admin/users");
        assertSafe("the admin's user list");
        open("/admin/audit");
        assertSafe("the audit log");
    }
}
