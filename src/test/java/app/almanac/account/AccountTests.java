package app.almanac.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.almanac.AlmanacApplication;
import app.almanac.AlmanacTest;
import app.almanac.TestSession;
import app.almanac.web.Html5Validator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts over real HTTP: sign-up, sign-in, sessions in the database, passwords, tokens, throttling. */
@AlmanacTest
class AccountTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    app.almanac.shared.ChangeLogFollower follower;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void users() {
        accounts.add("test", "editor@example.org", "Eda", PASSWORD, Role.EDITOR);
        accounts.add("test", "learner@example.org", "Lena", PASSWORD, Role.LEARNER);
        accounts.add("test", "other@example.org", "Otto", PASSWORD, Role.LEARNER);
        accounts.add("test", "admin@example.org", "Ada", PASSWORD, Role.ADMIN);
    }

    @Test
    void aVisitorSignsUpSignsInAndTheSessionLivesInTheDatabase() {
        TestSession visitor = new TestSession(port);
        HttpResponse<String> created = visitor.post(
                "/signup",
                Map.of("email", " New.Reader@Example.org ", "displayName", "Nia", "password", "a long enough pass"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?welcome"));
        assertThat(accounts.findByEmail("new.reader@example.org")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.LEARNER);
            assertThat(a.displayName()).isEqualTo("Nia");
        });
        String hash = jdbc.sql("select password_hash from app_user where email = 'new.reader@example.org'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a long enough pass");

        TestSession reader = TestSession.signedIn(port, "NEW.reader@example.org", "a long enough pass");
        var page = Jsoup.parse(reader.get("/account").body());
        assertThat(page.select("dl.facts dd").eachText()).contains("Nia", "new.reader@example.org", "Learner");
        assertThat(page.select("header.site nav").text()).contains("Account").doesNotContain("Sign in", "Desk");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'new.reader@example.org'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(reader.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(reader.get("/account").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void signUpRefusesBadInputWithTheReasonAndKeepsWhatWasTyped() {
        TestSession visitor = new TestSession(port);
        HttpResponse<String> weak =
                visitor.post("/signup", Map.of("email", "weak@example.org", "displayName", "W", "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(weak.body());
        assertThat(page.select(".problem").text()).contains("at least 10 characters");
        assertThat(page.select("#email").val()).isEqualTo("weak@example.org");

        assertThat(visitor.post("/signup", Map.of("email", "not-an-address", "password", "long enough password"))
                        .statusCode())
                .isEqualTo(422);
        for (String trivial :
                new String[] {"aaaaaaaaaa", "1234567890", "password1234", "qwertyuiop", "weak@example.org"}) {
            HttpResponse<String> refused =
                    visitor.post("/signup", Map.of("email", "weak@example.org", "password", trivial));
            assertThat(refused.statusCode()).as(trivial).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select(".problem").text())
                    .as(trivial)
                    .contains("among the first an attacker would try");
        }
        assertThat(accounts.findByEmail("weak@example.org")).isEmpty();
    }

    @Test
    void signingUpWithAnAddressThatHasAnAccountAnswersLikeANewOneAndChangesNothing() {
        TestSession visitor = new TestSession(port);
        HttpResponse<String> fresh =
                visitor.post("/signup", Map.of("email", "fresh@example.org", "password", "long enough password"));
        HttpResponse<String> taken =
                visitor.post("/signup", Map.of("email", "Learner@example.org", "password", "the attacker's password"));
        assertThat(taken.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location"))
                .isEqualTo(fresh.headers().firstValue("Location"));
        assertThat(taken.body()).doesNotContain("already");
        assertThat(visitor.signIn("learner@example.org", "the attacker's password")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login?error");
        TestSession.signedIn(port, "learner@example.org", PASSWORD);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        TestSession visitor = new TestSession(port);
        HttpResponse<String> wrong = visitor.signIn("learner@example.org", "not the password");
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        HttpResponse<String> unknown = visitor.signIn("nobody@example.org", "not the password");
        assertThat(unknown.headers().firstValue("Location"))
                .isEqualTo(wrong.headers().firstValue("Location"));
        assertThat(Jsoup.parse(visitor.get("/login?error").body())
                        .select(".problem")
                        .text())
                .isEqualTo("That email address and password do not match an account.");
    }

    @Test
    void aUserNameLongerThanAnyEmailAddressIsRefusedBeforeAnythingIsKept() {
        HttpResponse<String> attempt = new TestSession(port).signIn("x".repeat(1_000_000), "whatever it is");
        assertThat(attempt.statusCode()).isEqualTo(400);
    }

    @Test
    void parallelGuessesAreCountedBeforeTheCheckAndTheRightPasswordThenWaitsToo() throws Exception {
        accounts.add("test", "target@example.org", "T", PASSWORD, Role.LEARNER);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<HttpResponse<String>>> guesses = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String guess = "guess number " + i;
                guesses.add(pool.submit(() -> new TestSession(port).signIn("target@example.org", guess)));
            }
            int throttled = 0;
            for (var guess : guesses) {
                HttpResponse<String> attempt = guess.get();
                if (attempt.statusCode() == 429) {
                    throttled++;
                    assertThat(attempt.headers().firstValue("Retry-After")).isPresent();
                    assertThat(Jsoup.parse(attempt.body()).select(".problem").text())
                            .contains("Too many failed sign-ins", "reset your password");
                } else {
                    assertThat(attempt.headers().firstValue("Location").orElse(""))
                            .endsWith("/login?error");
                }
            }
            // five free, the sixth starts a one-second wait that doubles; counted after the check, 28 of 40 got through
            assertThat(20 - throttled).as("passwords checked").isBetween(6, 8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(new TestSession(port).signIn("target@example.org", PASSWORD).statusCode())
                .isEqualTo(429);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'sign-in.throttled' and actor = 'target@example.org'")
                        .query(Long.class)
                        .single())
                .as("many refusals, one audit row: a guesser cannot flood the log")
                .isEqualTo(1);
        // another account is not held up by this one's guesser
        TestSession.signedIn(port, "other@example.org", PASSWORD);
    }

    @Test
    void theOwnerSignsInFromABrowserUsedBeforeWhileAGuesserIsHeldUpAndFromAnyAfterAReset() {
        accounts.add("test", "owner@example.org", "O", PASSWORD, Role.LEARNER);
        TestSession owner = TestSession.signedIn(port, "owner@example.org", PASSWORD);
        assertThat(owner.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        TestSession guesser = new TestSession(port);
        for (int i = 0; i < 12; i++) {
            guesser.signIn("owner@example.org", "guess number " + i);
        }
        assertThat(new TestSession(port).signIn("owner@example.org", PASSWORD).statusCode())
                .as("a new browser at the guesser's address waits")
                .isEqualTo(429);
        assertThat(owner.signIn("owner@example.org", PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .as("the owner's own browser is not held up")
                .doesNotContain("error");

        String token = accounts.startReset("owner@example.org").orElseThrow();
        accounts.reset(token, "a brand new password");
        TestSession.signedIn(port, "owner@example.org", "a brand new password");
    }

    @Test
    void theCurrentPasswordCheckOnThePasswordFormIsThrottledToo() {
        accounts.add("test", "guarded@example.org", "G", PASSWORD, Role.LEARNER);
        TestSession thief = TestSession.signedIn(port, "guarded@example.org", PASSWORD);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            int status = thief.post(
                            "/account/password",
                            Map.of("current", "guess number " + i, "password", "a brand new password"))
                    .statusCode();
            if (status == 429) {
                refused++;
            } else {
                assertThat(status).isEqualTo(422);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aPasswordIsChangedOnlyWithTheCurrentOne() {
        accounts.add("test", "changer@example.org", "C", PASSWORD, Role.LEARNER);
        TestSession user = TestSession.signedIn(port, "changer@example.org", PASSWORD);
        HttpResponse<String> refused =
                user.post("/account/password", Map.of("current", "wrong one!!", "password", "a brand new password"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("not your current password");
        TestSession elsewhere = TestSession.signedIn(port, "changer@example.org", PASSWORD);
        assertThat(user.post("/account/password", Map.of("current", PASSWORD, "password", "a brand new password"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(user.get("/account").statusCode())
                .as("this session stays signed in")
                .isEqualTo(200);
        assertThat(elsewhere.get("/account").statusCode())
                .as("other sessions end")
                .isEqualTo(302);
        TestSession.signedIn(port, "changer@example.org", "a brand new password");
        assertThat(new TestSession(port)
                        .signIn("changer@example.org", PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("?error");
    }

    @Test
    void aResetOrAPasswordChangeEndsEveryOlderResetLink() {
        accounts.add("test", "twolinks@example.org", "T", PASSWORD, Role.LEARNER);
        String older = accounts.startReset("twolinks@example.org").orElseThrow();
        String newer = accounts.startReset("twolinks@example.org").orElseThrow();
        accounts.reset(newer, "a brand new password");
        assertThatThrownBy(() -> accounts.reset(older, "the attacker's password"))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("expired or has been used");

        String beforeChange = accounts.startReset("twolinks@example.org").orElseThrow();
        long id = jdbc.sql("select id from app_user where email = 'twolinks@example.org'")
                .query(Long.class)
                .single();
        accounts.changePassword(id, "a brand new password", "another new password", null);
        assertThatThrownBy(() -> accounts.reset(beforeChange, "the attacker's password"))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void aResetTokenSetsANewPasswordOnceWithinTheHour() {
        accounts.add("test", "forgetful@example.org", "F", PASSWORD, Role.LEARNER);
        TestSession signedIn = TestSession.signedIn(port, "forgetful@example.org", PASSWORD);
        TestSession visitor = new TestSession(port);
        // the form never says whether the address has an account
        String known = Jsoup.parse(visitor.post("/password/forgot", Map.of("email", "forgetful@example.org"))
                        .body())
                .select("main")
                .text();
        String unknown = Jsoup.parse(visitor.post("/password/forgot", Map.of("email", "stranger@example.org"))
                        .body())
                .select("main")
                .text();
        assertThat(known).isEqualTo(unknown);

        String token = accounts.startReset("forgetful@example.org").orElseThrow();
        assertThat(jdbc.sql("select count(*) from password_reset where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .as("only a hash is stored")
                .isZero();
        assertThat(visitor.post("/password/reset", Map.of("token", token, "password", "recovered password!"))
                        .statusCode())
                .isEqualTo(302);
        TestSession.signedIn(port, "forgetful@example.org", "recovered password!");
        assertThat(signedIn.get("/account").statusCode())
                .as("older sessions end with a reset")
                .isEqualTo(302);

        HttpResponse<String> again =
                visitor.post("/password/reset", Map.of("token", token, "password", "second try password"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("expired or has been used");
    }

    @Test
    void anApiTokenActsAsItsUserWithinItsScopesUntilRevoked() {
        TestSession learner = TestSession.signedIn(port, "learner@example.org", PASSWORD);
        HttpResponse<String> issued = learner.post("/account/tokens", Map.of("name", "my script", "scopes", "read"));
        assertThat(issued.statusCode()).isEqualTo(200);
        String secret = Jsoup.parse(issued.body()).select("code.secret").text();
        assertThat(secret).startsWith("alm_");

        TestSession script = new TestSession(port);
        HttpResponse<String> me = script.get("/api/me", "Authorization", "Bearer " + secret);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"learner@example.org\"").contains("\"role\":\"learner\"");
        assertThat(script.get("/api/desk/articles", "Authorization", "Bearer " + secret)
                        .statusCode())
                .isEqualTo(403);
        assertThat(learner.post("/account/tokens", Map.of("name", "sneaky", "scopes", "desk"))
                        .body())
                .contains("Only editors can make tokens for the desk");

        long id = jdbc.sql("select id from api_token where name = 'my script'")
                .query(Long.class)
                .single();
        // another user cannot revoke it: to them it does not exist
        TestSession other = TestSession.signedIn(port, "other@example.org", PASSWORD);
        assertThat(other.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(script.get("/api/me", "Authorization", "Bearer " + secret).statusCode())
                .isEqualTo(200);

        assertThat(learner.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> revoked = script.get("/api/me", "Authorization", "Bearer " + secret);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("not valid");
        assertThat(script.get("/api/me", "Authorization", "Bearer alm_made-up").statusCode())
                .isEqualTo(401);
        assertThat(script.get("/api/me").statusCode()).as("no credentials").isEqualTo(401);
    }

    @Test
    void aTokenWorksOnlyOnTheApiAndOnlyWithinItsScopes() {
        TestSession admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        String secret = Jsoup.parse(admin.post("/account/tokens", Map.of("name", "monitor", "scopes", "read"))
                        .body())
                .select("code.secret")
                .text();
        TestSession script = new TestSession(port);
        HttpResponse<String> health = script.get("/api/admin/health", "Authorization", "Bearer " + secret);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"healthy\":true");
        // the same admin's token, presented to the pages, does not carry the admin's whole role there
        assertThat(script.get("/admin/health.json", "Authorization", "Bearer " + secret)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> page = script.get("/admin/users", "Authorization", "Bearer " + secret);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("under /api/ only");
        // a learner's token cannot reach the admin API
        TestSession learner = TestSession.signedIn(port, "learner@example.org", PASSWORD);
        String learnerSecret = Jsoup.parse(learner.post("/account/tokens", Map.of("name", "nosy", "scopes", "read"))
                        .body())
                .select("code.secret")
                .text();
        assertThat(script.get("/api/admin/health", "Authorization", "Bearer " + learnerSecret)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminChangesRolesAndTheChangeTakesEffectAtOnce() {
        accounts.add("test", "promoted@example.org", "P", PASSWORD, Role.LEARNER);
        long id = accounts.findByEmail("promoted@example.org").orElseThrow().id();
        TestSession user = TestSession.signedIn(port, "promoted@example.org", PASSWORD);
        assertThat(user.get("/desk").statusCode()).isEqualTo(403);

        TestSession admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        assertThat(admin.post("/admin/users/" + id + "/role", Map.of("role", "EDITOR"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(user.get("/desk").statusCode()).as("the old session ended").isEqualTo(302);
        assertThat(TestSession.signedIn(port, "promoted@example.org", PASSWORD)
                        .get("/desk")
                        .statusCode())
                .isEqualTo(200);

        assertThat(admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(new TestSession(port)
                        .signIn("promoted@example.org", PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login?disabled");
        assertThat(new TestSession(port)
                        .signIn("promoted@example.org", "not the password")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .as("a wrong password to a disabled account reads like any wrong password")
                .endsWith("/login?error");
        var audit = Jsoup.parse(admin.get("/admin/audit?action=admin.").body())
                .select("table tbody tr")
                .eachText();
        assertThat(audit)
                .anySatisfy(row -> assertThat(row).contains("admin@example.org", "admin.role", "Learner → Editor"));
        assertThat(audit).anySatisfy(row -> assertThat(row).contains("admin.disable", "promoted@example.org"));
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        TestSession admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        long self = accounts.findByEmail("admin@example.org").orElseThrow().id();
        HttpResponse<String> refused = admin.post("/admin/users/" + self + "/role", Map.of("role", "LEARNER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("only admin");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> page = new TestSession(port).get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Permissions-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
    }

    @Test
    void theHealthPageShowsTheDatabaseTheIndexAndTheChangeLogLag() {
        // a node that has caught up with the log (the facts data set loaded at start writes ~900 entries at once)
        follower.followAll();
        TestSession admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        HttpResponse<String> health = admin.get("/admin/health.json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"databaseError\":null", "\"lag\":", "\"indexDocuments\":");
        assertThat(Jsoup.parse(admin.get("/admin/health").body())
                        .select("dl.facts")
                        .text())
                .contains("Database", "H2", "lag");
        assertThat(TestSession.signedIn(port, "editor@example.org", PASSWORD)
                        .get("/admin/health")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void everyAccountAndAdminPageIsValidHtml() {
        TestSession admin = TestSession.signedIn(port, "admin@example.org", PASSWORD);
        admin.post("/account/tokens", Map.of("name", "validator", "scopes", "read"));
        TestSession visitor = new TestSession(port);
        for (var entry : Map.of(
                        "/login",
                        visitor,
                        "/signup",
                        visitor,
                        "/password/forgot",
                        visitor,
                        "/password/reset?token=x",
                        visitor,
                        "/account",
                        admin,
                        "/bookmarks",
                        admin,
                        "/admin",
                        admin,
                        "/admin/users",
                        admin,
                        "/admin/audit",
                        admin,
                        "/admin/health",
                        admin)
                .entrySet()) {
            HttpResponse<String> response = entry.getValue().get(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(Html5Validator.errors(response.body()))
                    .as("Nu Html Checker errors in " + entry.getKey())
                    .isEmpty();
        }
        HttpResponse<String> issued = admin.post("/account/tokens", Map.of("name", "shown once", "scopes", "read"));
        assertThat(Html5Validator.errors(issued.body()))
                .as("the page showing a new token")
                .isEmpty();
    }

    @Test
    void aSessionStartedOnOneNodeIsHonouredByAnotherSharingTheDatabase() {
        // a second app node on the same database (this test's in-memory H2), with its own port
        try (var second = new SpringApplicationBuilder(AlmanacApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + datasourceUrl, "--almanac.search.index=memory")) {
            int otherPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            TestSession user = TestSession.signedIn(port, "learner@example.org", PASSWORD);
            String cookie = user.cookie("SESSION");
            var onOtherNode = new TestSession(otherPort);
            onOtherNode.addCookie("SESSION", cookie);
            HttpResponse<String> account = onOtherNode.get("/account");
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(account.body()).select("dl.facts dd").eachText())
                    .contains("learner@example.org");
            // signing out on the second node ends the session on the first too
            assertThat(onOtherNode.post("/logout", Map.of()).statusCode()).isEqualTo(302);
            assertThat(user.get("/account").statusCode()).isEqualTo(302);
        }
    }

    @Value("${spring.datasource.url}")
    String datasourceUrl;
}
