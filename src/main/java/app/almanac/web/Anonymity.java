package app.almanac.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one definition of an anonymous request: it carries no credentials and no session cookie, so
 * nothing about it could make its page personal, and a page rendered for one such request may
 * answer them all. The cookie's name is the one sessions are configured with.
 */
@Component
class Anonymity {

    private final String sessionCookie;

    Anonymity(Environment environment) {
        // Spring Session names its cookie from this property too; SESSION is its default
        this.sessionCookie = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
    }

    /** Whether {@code request} carries neither an Authorization header nor the session cookie. */
    boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        String cookies = request.getHeader("Cookie");
        if (cookies == null) {
            return true;
        }
        for (String cookie : cookies.split(";")) {
            int equals = cookie.indexOf('=');
            String name = (equals < 0 ? cookie : cookie.substring(0, equals)).strip();
            if (name.equals(sessionCookie)) {
                return false;
            }
        }
        return true;
    }
}
