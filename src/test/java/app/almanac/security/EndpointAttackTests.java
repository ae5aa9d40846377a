package app.almanac.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestHttp;
import app.almanac.TestSeeds;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ImportService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, found from Spring MVC itself (so a new endpoint is covered
 * the day it is added), attacked over real HTTP: without a CSRF token, as the wrong user, with
 * SQL-injection strings in every parameter and malformed values in every path variable. Nothing
 * may answer 500, nothing refused may change anything.
 */
@AlmanacTest
class EndpointAttackTests {

    static final String PASSWORD = "correct horse battery";

    /** Strings from the usual SQL-injection lists: quotes, comments, stacked queries, unions, time delays. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "' OR 1=1--",
            "\" OR \"\"=\"",
            "1; DROP TABLE article; --",
            "'; DELETE FROM app_user; --",
            "' UNION SELECT email, password_hash FROM app_user--",
            "1' AND SLEEP(5)--",
            "'; SELECT pg_sleep(5)--",
            "%' OR '%'='",
            "admin'--",
            "\\'; --",
            "1) OR (1=1",
            "' OR ''='",
            "'||(SELECT version())||'");

    /** Path-variable values a route does not expect. */
    static final List<String> ODD_VALUES = List.of(
            "1",
            "0",
            "-1",
            "99999999999999999999",
            "2024-13-45",
            "%27%20OR%201%3D1--",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "%ff%fe",
            "%E2%80%AE",
            "x".repeat(2000),
            "NaN",
            "1e9",
            "214748365",
            "2147483648",
            "+999999999-12",
            "-999999999-01",
            "%2F%5Ba-z%5D%2B.*x%7B1%2C9999%7D%2F",
            "%3Cscript%3E");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Autowired
    AccountService accounts;

    @Autowired
    ImportService importer;

    @Autowired
    JdbcClient jdbc;

    final HttpClient raw =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    TestSession admin;
    TestSession learner;
    TestSession editor;

    /** One mapped route: a path pattern and a method. */
    record Route(String method, String pattern) {
        boolean isPublicRead() {
            return !(pattern.startsWith("/desk")
                    || pattern.startsWith("/admin")
                    || pattern.startsWith("/account")
                    || pattern.startsWith("/bookmarks")
                    || pattern.startsWith("/api/desk")
                    || pattern.startsWith("/api/admin")
                    || pattern.equals("/api/me"));
        }
    }

    @BeforeAll
    void setUp() {
        accounts.add("test", "admin@example.org", "Ada", PASSWORD, Role.ADMIN);
        accounts.add("test", "editor@example.org", "Eda", PASSWORD, Role.EDITOR);
        accounts.add("test", "learner@example.org", "Lena", PASSWORD, Role.LEARNER);
        assertThat(importer.store(ArticleFiles.read(TestSeeds.CSTO)).ok()).isTrue();
        admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        editor = TestSession.signedIn(port, "editor@example.org", PASSWORD);
        learner = TestSession.signedIn(port, "learner@example.org", PASSWORD);
    }

    List<Route> routes() {
        Set<Route> routes = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern));
                    routes.add(new Route("POST", pattern));
                }
                methods.forEach(m -> routes.add(new Route(m.name(), pattern)));
            }
        });
        assertThat(routes).as("the sweep sees the whole application").hasSizeGreaterThan(40);
        return new ArrayList<>(routes);
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static String fill(String pattern, String value) {
        return pattern.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(value));
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table :
                List.of("article", "article_revision", "app_user", "api_token", "bookmark", "change_log", "question")) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put(
                "enabled admins",
                jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
                        .query(Long.class)
                        .single());
        return counts;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutACsrfTokenAndChangesNothing() {
        Map<String, Long> before = counts();
        int checked = 0;
        for (Route route : routes()) {
            if (route.method().equals("GET") || route.pattern().equals("/error")) {
                continue;
            }
            String path = fill(route.pattern(), "1");
            Map<String, String> form = form(
                    "action",
                    "publish",
                    "role",
                    "LEARNER",
                    "enabled",
                    "false",
                    "base",
                    "1",
                    "markdown",
                    "x",
                    "text",
                    "x",
                    "name",
                    "t",
                    "scopes",
                    "read",
                    "article",
                    "1",
                    "password",
                    "long enough password",
                    "current",
                    PASSWORD,
                    "email",
                    "csrf-victim@example.org",
                    "note",
                    "x");
            HttpResponse<String> response = admin.postWithout(path, form);
            assertThat(response.statusCode())
                    .as("POST " + path + " without a CSRF token")
                    .isEqualTo(403);
            assertThat(response.body()).as(path).contains("not sent from a page of this site");
            checked++;
        }
        assertThat(checked).as("state-changing routes checked").isGreaterThanOrEqualTo(15);
        assertThat(counts()).isEqualTo(before);
        assertThat(accounts.findByEmail("csrf-victim@example.org")).isEmpty();
    }

    @Test
    void everyPrivateRouteAsksAnonymousVisitorsToSignInAndRefusesTheWrongRole() {
        for (Route route : routes()) {
            if (route.isPublicRead() || !route.method().equals("GET")) {
                continue;
            }
            String path = fill(route.pattern(), "1");
            HttpResponse<String> anonymous = send("GET", path, null);
            if (path.startsWith("/api/")) {
                assertThat(anonymous.statusCode()).as("anonymous GET " + path).isEqualTo(401);
            } else {
                assertThat(anonymous.statusCode()).as("anonymous GET " + path).isEqualTo(302);
                assertThat(anonymous.headers().firstValue("Location").orElse(""))
                        .as(path)
                        .endsWith("/login");
            }
            if (path.startsWith("/desk")
                    || path.startsWith("/admin")
                    || path.startsWith("/api/desk")
                    || path.startsWith("/api/admin")) {
                assertThat(learner.get(path).statusCode())
                        .as("learner GET " + path)
                        .isEqualTo(403);
            }
            if (path.startsWith("/admin") || path.startsWith("/api/admin")) {
                assertThat(editor.get(path).statusCode())
                        .as("editor GET " + path)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void aLearnerCannotReadOrChangeAnotherLearnersBookmarksOrTokens() {
        accounts.add("test", "victim@example.org", "V", PASSWORD, Role.LEARNER);
        TestSession victim = TestSession.signedIn(port, "victim@example.org", PASSWORD);
        long article = jdbc.sql("select min(id) from article").query(Long.class).single();
        victim.post("/bookmarks", Map.of("article", String.valueOf(article)));
        victim.post("/account/tokens", Map.of("name", "victim's", "scopes", "read"));
        long bookmark = jdbc.sql(
                        "select b.id from bookmark b join app_user u on u.id = b.user_id where u.email = 'victim@example.org'")
                .query(Long.class)
                .single();
        long token = jdbc.sql(
                        "select t.id from api_token t join app_user u on u.id = t.user_id where u.email = 'victim@example.org'")
                .query(Long.class)
                .single();
        assertThat(victim.post("/bookmarks/" + bookmark + "/note", Map.of("note", "mine"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(learner.get("/bookmarks").body()).doesNotContain("mine");
        assertThat(learner.post("/bookmarks/" + bookmark + "/note", Map.of("note", "overwritten"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(learner.post("/bookmarks/" + bookmark + "/delete", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(learner.post("/account/tokens/" + token + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select note from bookmark where id = :id")
                        .param("id", bookmark)
                        .query(String.class)
                        .single())
                .isEqualTo("mine");
        assertThat(jdbc.sql("select revoked_at is null from api_token where id = :id")
                        .param("id", token)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(victim.get("/bookmarks").body()).contains("mine");
    }

    @Test
    void sqlInjectionInEveryParameterOfEveryReadingRouteIsHarmless() {
        Map<String, Long> before = counts();
        List<String> params = List.of(
                "q", "category", "tag", "syllabus", "from", "to", "page", "recent", "action", "status", "paper");
        for (Route route : routes()) {
            if (!route.method().equals("GET") || route.pattern().equals("/error")) {
                continue;
            }
            for (String injection : INJECTIONS) {
                String value = URLEncoder.encode(injection, StandardCharsets.UTF_8);
                StringBuilder query = new StringBuilder();
                params.forEach(p -> query.append(query.isEmpty() ? "?" : "&")
                        .append(p)
                        .append('=')
                        .append(value));
                for (String path : List.of(fill(route.pattern(), value) + query, fill(route.pattern(), "1") + query)) {
                    int status = admin.get(path).statusCode();
                    assertThat(status).as("GET " + path).isLessThan(500);
                }
            }
        }
        assertThat(counts()).isEqualTo(before);
        // the quote reaches Lucene and SQL as data: an always-true condition finds nothing special
        HttpResponse<String> search =
                admin.get("/api/search?q=" + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
    }

    /** The three inputs an outside test found answered 500 with a stack trace in the log. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/search?q=%2F%5Ba-z%5D%2B.*x%7B1%2C9999%7D%2F",
                "/api/search?q=%2F%5Ba-z%5D%2B.*x%7B1%2C9999%7D%2F",
                "/search?q=treaty&page=214748365",
                "/api/search?q=treaty&page=2147483647",
                "/archive/+999999999-12",
                "/compilations/-999999999-01.pdf"
            })
    void craftedInputsTheOutsideTestFoundAnswer400(String path) {
        HttpResponse<String> answer = new TestHttp(port).get(path);
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void noRouteAnswers500ToMalformedInput() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (String odd : ODD_VALUES) {
                String path = fill(route.pattern(), odd);
                for (TestSession who : List.of(admin, editor)) {
                    HttpResponse<String> response = route.method().equals("GET")
                            ? who.get(path + "?page=" + odd + "&from=" + odd)
                            : who.post(
                                    path,
                                    form(
                                            "base",
                                            odd,
                                            "index",
                                            odd,
                                            "revision",
                                            odd,
                                            "enabled",
                                            odd,
                                            "article",
                                            odd,
                                            "publishAt",
                                            odd,
                                            "action",
                                            odd,
                                            "role",
                                            odd,
                                            "markdown",
                                            odd,
                                            "text",
                                            odd,
                                            "note",
                                            odd));
                    if (response.statusCode() >= 500
                            && !(path.startsWith("/admin/health") && response.statusCode() == 503)) {
                        failures.add(route.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " -> "
                                + response.statusCode());
                    }
                }
            }
        }
        // malformed bodies, encodings and headers
        String token = "_csrf=" + admin.csrf();
        for (String body : List.of(
                "%zz",
                "markdown=%C3%28&base=1&" + token,
                "base=&" + token,
                token + "&base=1&base=2&markdown=a&markdown=b",
                "text=" + "a".repeat(3_000_000) + "&" + token)) {
            int status = send("POST", "/desk/articles/1", body, "Content-Type", "application/x-www-form-urlencoded")
                    .statusCode();
            if (status >= 500) {
                failures.add("POST /desk/articles/1 with body " + body.substring(0, Math.min(40, body.length()))
                        + " -> " + status);
            }
        }
        for (String[] headers : List.of(
                new String[] {"If-None-Match", "W/\"unterminated"},
                new String[] {"Accept", "garbage/garbage"},
                new String[] {"If-Modified-Since", "yesterday"},
                new String[] {"Authorization", "Bearer "},
                new String[] {"Authorization", "Basic Zm9vOmJhcg=="},
                new String[] {"Cookie", "SESSION=not-a-session"})) {
            for (String path : List.of(
                    "/",
                    "/articles/2024-02-26/collective-security-treaty-organisation-csto",
                    "/search?q=x",
                    "/api/me")) {
                int status = send("GET", path, null, headers).statusCode();
                if (status >= 500) {
                    failures.add("GET " + path + " with " + headers[0] + " -> " + status);
                }
            }
        }
        int api = send("POST", "/api/desk/articles", "{not json", "Content-Type", "application/json")
                .statusCode();
        assertThat(api).isBetween(400, 499);
        assertThat(failures).isEmpty();
    }
}
