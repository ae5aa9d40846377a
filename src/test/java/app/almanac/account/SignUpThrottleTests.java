package app.almanac.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-ups and reset requests are limited per address (here to 3 an hour, to keep the test short). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:signup-throttle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "almanac.login.requests-per-address-hour=3"
        })
class SignUpThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void oneAddressCannotFloodSignUpsOrResetRequests() {
        TestSession spammer = new TestSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(spammer.post(
                                    "/signup",
                                    Map.of("email", "bot" + i + "@example.org", "password", "long enough password"))
                            .statusCode())
                    .isEqualTo(302);
        }
        HttpResponse<String> refused =
                spammer.post("/signup", Map.of("email", "bot3@example.org", "password", "long enough password"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(Jsoup.parse(refused.body()).select("main").text()).contains("Too many requests from this address");
        assertThat(accounts.findByEmail("bot3@example.org")).isEmpty();

        for (int i = 0; i < 3; i++) {
            assertThat(spammer.post("/password/forgot", Map.of("email", "bot0@example.org"))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(spammer.post("/password/forgot", Map.of("email", "bot0@example.org"))
                        .statusCode())
                .isEqualTo(429);
    }
}
