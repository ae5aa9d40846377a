package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class AnonymityTests {

    private final Anonymity byDefault = new Anonymity(new MockEnvironment());

    @Test
    void aRequestWithoutCookiesOrCredentialsIsAnonymous() {
        assertThat(byDefault.anonymous(new MockHttpServletRequest("GET", "/"))).isTrue();
    }

    @Test
    void theSessionCookieOrAnAuthorizationHeaderMakeARequestPersonal() {
        assertThat(byDefault.anonymous(withCookie("theme=dark; SESSION=abc"))).isFalse();
        var bearer = new MockHttpServletRequest("GET", "/");
        bearer.addHeader("Authorization", "Bearer x");
        assertThat(byDefault.anonymous(bearer)).isFalse();
    }

    @Test
    void onlyTheSessionCookieByItsExactNameCounts() {
        assertThat(byDefault.anonymous(withCookie("NOTSESSION=1; SESSIONX=2"))).isTrue();
        assertThat(byDefault.anonymous(withCookie("theme=SESSION=1"))).isTrue();
    }

    @Test
    void theCookieNameComesFromConfiguration() {
        var configured = new Anonymity(new MockEnvironment().withProperty("server.servlet.session.cookie.name", "ALM"));
        assertThat(configured.anonymous(withCookie("ALM=abc"))).isFalse();
        assertThat(configured.anonymous(withCookie("SESSION=abc"))).isTrue();
    }

    private static MockHttpServletRequest withCookie(String header) {
        var request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Cookie", header);
        return request;
    }
}
