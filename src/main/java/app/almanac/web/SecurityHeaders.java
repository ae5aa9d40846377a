package app.almanac.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The protective headers every response carries. Spring Security writes them on everything that
 * passes its filters; the one answer that does not (an already rendered article page for an
 * anonymous reader, served ahead of the filters for speed, see {@link AnonymousPages}) writes the
 * same ones from here.
 */
public final class SecurityHeaders {

    /** Scripts only from this site (htmx included), no inline script or style, no framing, no plugins. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** No page of this site needs the camera, microphone, location, payments, USB or ad topics. */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

    /** How long browsers keep to HTTPS once told (a year), when the site's address is https. */
    public static final long HSTS_SECONDS = 31_536_000;

    /** What Spring Security writes by default, with the policies above. */
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Permissions-Policy", PERMISSIONS_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private SecurityHeaders() {}

    public static void write(HttpServletResponse response, boolean https) {
        ALL.forEach(response::setHeader);
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_SECONDS);
        }
    }
}
