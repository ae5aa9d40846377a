package app.almanac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * One visitor's cookies over real HTTP, as a browser keeps them: forms are sent with the CSRF
 * token a page of the site gave, exactly as the page's own form would. Redirects are not followed,
 * so tests see them.
 */
public final class TestSession {

    private final int port;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrf;

    public TestSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in through the form; fails the test unless it worked. */
    public static TestSession signedIn(int port, String email, String password) {
        TestSession session = new TestSession(port);
        HttpResponse<String> response = session.signIn(email, password);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .as("signed in as " + email)
                .doesNotContain("error");
        return session;
    }

    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> response = post("/login", Map.of("username", email, "password", password));
        csrf = null; // signing in issues a new token
        return response;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** POSTs a form with this session's CSRF token, as the site's own forms do (with header name/value pairs). */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        return postWithout(path, all, headers);
    }

    /** POSTs a form exactly as given: no CSRF token unless the caller adds one. */
    public HttpResponse<String> postWithout(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A CSRF token from a form of the site (any page's token is good for the whole session). */
    public String csrf() {
        if (csrf == null) {
            String page = get("/login").body();
            csrf = Jsoup.parse(page).select("input[name=_csrf]").attr("value");
            assertThat(csrf).as("the sign-in form carries a CSRF token").isNotEmpty();
        }
        return csrf;
    }

    /** The id at the end of a redirect's Location, e.g. 12 of {@code /desk/articles/12}: what a create answered. */
    public static long redirectedId(HttpResponse<String> response) {
        String location =
                response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect"));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The value of one of this session's cookies, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Carries a cookie from elsewhere, as a browser would after a balancer sent it to another node. */
    public void addCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url("/")), cookie);
        csrf = null;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
