package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health for load balancers on the site's port; Prometheus metrics on the management port only, with
 * request latency by route and Almanac's own meters.
 */
@AlmanacTest
class ObservabilityTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int on, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loadBalancersAskHealthOnTheSitesPort() throws Exception {
        for (String path : new String[] {"/health", "/livez", "/readyz"}) {
            HttpResponse<String> health = get(port, path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
        assertThat(get(port, "/health").body()).as("no details for the public").doesNotContain("components");
    }

    @Test
    void metricsAreOnTheManagementPortAndNotOnTheSite() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        new TestSession(port).get("/practice");
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/practice\"")
                .contains("almanac_practice_answers_saved_total")
                .contains("almanac_import_articles_total")
                .contains("almanac_search_documents")
                .contains("cache_gets_total{cache=\"pages\"")
                .contains("hikaricp_connections_active")
                .contains("node=\"");
        assertThat(get(port, "/actuator/prometheus").statusCode())
                .as("the site's port serves no metrics")
                .isIn(403, 404);
    }
}
