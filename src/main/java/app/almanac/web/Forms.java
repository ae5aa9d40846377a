package app.almanac.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** What every form template needs from the request it answers, without each page model carrying it. */
public final class Forms {

    private Forms() {}

    /** This request's CSRF token (masked afresh for each page), or null outside a web request. */
    public static CsrfToken csrf() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : (CsrfToken) attributes.getAttribute(CsrfToken.class.getName(), RequestAttributes.SCOPE_REQUEST);
    }
}
