package app.almanac.practice;

import app.almanac.shared.Hashes;
import app.almanac.shared.SignedInUser;
import app.almanac.shared.SiteAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who a request practises as. A signed-in user is themselves; an anonymous visitor is known by a
 * random cookie (only its hash is stored), made when they first start a quiz. When a visitor
 * signs in, their attempts become the user's on the next practice page they open.
 */
@Component
class Learners {

    static final String COOKIE = "almanac-visitor";
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final PracticeService practice;
    private final boolean secure;

    Learners(PracticeService practice, SiteAddress site) {
        this.practice = practice;
        this.secure = site.secure();
    }

    /** The learner behind {@code request}; a visitor without a cookie gets one when {@code make}. */
    Learner of(HttpServletRequest request, HttpServletResponse response, boolean make) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String cookie = cookie(request);
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            if (cookie != null) {
                practice.adopt(Hashes.sha256(cookie), user.id());
                response.addHeader("Set-Cookie", cookie("", Duration.ZERO));
            }
            return Learner.user(user.id());
        }
        if (cookie == null) {
            if (!make) {
                return Learner.visitor(null);
            }
            cookie = Hashes.newToken();
            response.addHeader("Set-Cookie", cookie(cookie, LIFETIME));
        }
        return Learner.visitor(Hashes.sha256(cookie));
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .build()
                .toString();
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())
                        && !c.getValue().isEmpty()
                        && c.getValue().length() <= 64) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
