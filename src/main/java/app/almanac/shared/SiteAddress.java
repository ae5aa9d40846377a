package app.almanac.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public address, the one source of every absolute URL Almanac writes (canonical
 * links, feeds, sitemaps, password-reset links). It comes from configuration
 * ({@code ALMANAC_BASE_URL}), never from the request: a client chooses its Host header, and a page
 * built from it would be cached for every reader, a reset link built from it mailed to a stranger.
 * Left unset, it is {@code http://localhost:PORT}, right for the laptop the zero-set-up run is on.
 */
@Component
public class SiteAddress {

    private final URI base;

    SiteAddress(SiteProperties site, Environment environment) {
        String configured = site.baseUrl().strip().replaceAll("/+$", "");
        if (configured.isEmpty()) {
            configured = "http://localhost:" + environment.getProperty("server.port", "8080");
        }
        this.base = parse(configured);
    }

    /** {@code https://almanac.example} (no trailing slash), or {@code http://localhost:8080}. */
    public String base() {
        return base.toString();
    }

    /** {@code path} (which starts with a slash) as an absolute URL on this site. */
    public String absolute(String path) {
        return base + path;
    }

    /** Whether readers reach the site over HTTPS (then cookies are Secure and HSTS is sent). */
    public boolean secure() {
        return "https".equals(base.getScheme());
    }

    /** The host name readers use, lower case. */
    public String host() {
        return base.getHost().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String address) {
        try {
            URI uri = new URI(address);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalStateException("ALMANAC_BASE_URL (almanac.base-url) must be an http or https address"
                        + " such as https://almanac.example, not '" + address + "'.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    "ALMANAC_BASE_URL (almanac.base-url) is not an address: '" + address + "' (" + e.getReason() + ").",
                    e);
        }
    }
}
