package app.almanac.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.account.AccountService;
import app.almanac.account.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Almanac behind an HTTPS reverse proxy on this machine, configured as the README says: the
 * address is https, and the proxy (loopback) is trusted to say who the client is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:https-proxy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "almanac.base-url=https://almanac.example",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsProxyTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void users() {
        accounts.add("test", "proxied@example.org", "P", PASSWORD, Role.LEARNER);
    }

    @Test
    void everyResponseCarriesHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure"));
    }

    @Test
    void theThrottleCountsTheClientTheTrustedProxyNames() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(signIn("guess number " + i, "203.0.113.5").statusCode()).isEqualTo(302);
        }
        assertThat(signIn("one guess too many", "203.0.113.5").statusCode())
                .as("the guesser behind the proxy waits")
                .isEqualTo(429);
        HttpResponse<String> owner = signIn(PASSWORD, "198.51.100.20");
        assertThat(owner.statusCode())
                .as("another reader behind the same proxy is not held up")
                .isEqualTo(302);
        assertThat(owner.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** A sign-in as a browser behind the proxy makes it: a page, its cookie and token, the form. */
    private HttpResponse<String> signIn(String password, String client) throws Exception {
        HttpResponse<String> form = get("/login", "X-Forwarded-For", client, "X-Forwarded-Proto", "https");
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        String csrf = Jsoup.parse(form.body()).select("input[name=_csrf]").val();
        String body = "username=" + encode("proxied@example.org") + "&password=" + encode(password) + "&_csrf="
                + encode(csrf);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .header("X-Forwarded-For", client)
                        .header("X-Forwarded-Proto", "https")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
