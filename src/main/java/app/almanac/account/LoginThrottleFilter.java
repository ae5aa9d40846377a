package app.almanac.account;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the sign-in form's POST: while the account or the address has failed too
 * often, the attempt is answered 429 with the sign-in page, and the password is not even checked.
 * Sign-ups and reset requests are limited per address and hour the same way.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TemplateEngine templates;

    LoginThrottleFilter(LoginThrottle throttle, AuditLog audit, TemplateEngine templates) {
        this.throttle = throttle;
        this.audit = audit;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getServletPath();
        if (path.equals("/signup") || path.equals("/password/forgot")) {
            if (throttle.request(path, request.getRemoteAddr())) {
                chain.doFilter(request, response);
            } else {
                if (throttle.firstRefusal(path + " " + request.getRemoteAddr())) {
                    audit.record(
                            null,
                            path.equals("/signup") ? "sign-up.throttled" : "reset.throttled",
                            null,
                            "further refusals within the hour are not recorded");
                }
                response.setHeader("Retry-After", "3600");
                response.sendError(429, "Too many requests from this address; try again in an hour.");
            }
            return;
        }
        if (!"/login".equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        String email = request.getParameter("username");
        if (!LoginThrottle.plausible(email)) {
            // no account has such a name: refused before anything about it is kept
            response.sendError(400, "That is not an e-mail address: it is longer than any can be.");
            return;
        }
        if (throttle.allows(email, request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        if (throttle.firstRefusal("sign-in " + AccountService.normalise(email) + " " + request.getRemoteAddr())) {
            audit.record(
                    AccountService.normalise(email),
                    "sign-in.throttled",
                    null,
                    "further refusals for this account from this address within the window are not recorded");
        }
        long minutes = throttle.minutesToWait();
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(minutes * 60));
        response.setContentType("text/html;charset=UTF-8");
        StringOutput out = new StringOutput();
        templates.render(
                "account/login.jte",
                Map.of(
                        "page",
                        new AccountPages.Login(
                                email,
                                "Too many failed sign-ins for this account or from this address. Wait up to " + minutes
                                        + " minutes and try again, or reset your password.")),
                out);
        response.getWriter().write(out.toString());
    }
}
