package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests the web server refuses before the site's code runs still get the site's page and headers. */
@AlmanacTest
class ContainerErrorsTests {

    @LocalServerPort
    int port;

    /** The raw answer to a request line no HTTP client library would send. */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%zz", "/a%00b", "/a%2Fb", "/%", "/archive/%2"})
    void aMalformedUrlGetsTheSitesErrorPageWithTheSecurityHeaders(String target) throws IOException {
        String answer = raw(target);
        assertThat(answer).startsWith("HTTP/1.1 400");
        String headers = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(headers)
                .contains("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("Permissions-Policy: ")
                .contains("X-Content-Type-Options: nosniff")
                .contains("X-Frame-Options: DENY");
        assertThat(answer)
                .contains("/css/almanac.css", "could not be read")
                .doesNotContain("Apache Tomcat", "HTTP Status 400");
    }
}
