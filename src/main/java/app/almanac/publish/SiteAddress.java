package app.almanac.publish;

import app.almanac.shared.SiteProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's absolute address, which feeds and sitemaps must use: {@code ALMANAC_BASE_URL} when
 * the operator sets it (behind a proxy the request cannot know it), else the request's own.
 */
@Component
class SiteAddress {

    private final String configured;

    SiteAddress(SiteProperties site) {
        this.configured = site.baseUrl().replaceAll("/+$", "");
    }

    String base(HttpServletRequest request) {
        return configured.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : configured;
    }
}
