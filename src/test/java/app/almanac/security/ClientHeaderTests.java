package app.almanac.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestHttp;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.ArticleWriter;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headers are the client's to choose: nothing Almanac writes or keeps is built from Host, and
 * X-Forwarded-For counts for nothing unless a trusted proxy sent it (see {@link HttpsProxyTests}).
 * The tests' configured address is {@code http://almanac.test}.
 */
@AlmanacTest
@ExtendWith(OutputCaptureExtension.class)
class ClientHeaderTests {

    private static final String FORGED = "evil.example";

    @LocalServerPort
    int port;

    @Autowired
    ArticleWriter writer;

    @Autowired
    AccountService accounts;

    private String path;

    @BeforeAll
    void content() {
        writer.save(TestArticles.article("Monsoon forecast revised").build());
        path = "/articles/" + TestArticles.DAY + "/monsoon-forecast-revised";
        accounts.add("test", "reader@example.org", "R", "correct horse battery", Role.LEARNER);
    }

    @Test
    void aForgedHostDoesNotReachTheArticlePageNorThePageKeptForEveryone() {
        TestHttp http = new TestHttp(port);
        for (int i = 0; i < 2; i++) {
            // the first renders and keeps the page, the second is answered from what was kept
            HttpResponse<String> forged = http.get(path, "Host", FORGED);
            assertThat(forged.statusCode()).isEqualTo(200);
            assertThat(forged.body()).doesNotContain(FORGED);
        }
        HttpResponse<String> ordinary = http.get(path);
        assertThat(ordinary.body()).doesNotContain(FORGED);
        var page = Jsoup.parse(ordinary.body());
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://almanac.test" + path);
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo("http://almanac.test" + path);
    }

    @Test
    void feedsSitemapsAndRobotsUseTheConfiguredAddress() {
        TestHttp http = new TestHttp(port);
        for (String route : new String[] {"/feed.atom", "/sitemap.xml", "/sitemaps/pages.xml", "/robots.txt"}) {
            HttpResponse<String> response = http.get(route, "Host", FORGED);
            assertThat(response.body()).as(route).doesNotContain(FORGED).contains("http://almanac.test/");
        }
    }

    @Test
    void aResetLinkIsBuiltFromTheConfiguredAddress(CapturedOutput output) {
        TestSession visitor = new TestSession(port);
        HttpResponse<String> asked =
                visitor.post("/password/forgot", Map.of("email", "reader@example.org"), "Host", FORGED);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(output.getAll())
                .contains("http://almanac.test/password/reset?token=")
                .doesNotContain(FORGED);
    }

    @Test
    void aForwardedForHeaderFromAClientThatIsNoTrustedProxyDoesNotChangeItsAddress() {
        accounts.add("test", "spoofed@example.org", "S", "correct horse battery", Role.LEARNER);
        TestSession guesser = new TestSession(port);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            // a fresh made-up address on every guess would be a fresh allowance, if it were believed
            if (guesser.post(
                                    "/login",
                                    Map.of("username", "spoofed@example.org", "password", "guess number " + i),
                                    "X-Forwarded-For",
                                    "203.0.113." + i)
                            .statusCode()
                    == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }
}
