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
 * Stands in front of the sign-in form's POST: while {@link LoginThrottle} says wait, the attempt
 * is answered 429 with the sign-in page and how long to wait, and the password is not even
 * checked; an attempt it lets through is counted before the password is. Sign-ups and reset
 * requests are limited per address and hour.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TemplateEngine templates;
    private final KnownDevices devices;

    LoginThrottleFilter(LoginThrottle throttle, AuditLog audit, TemplateEngine templates, KnownDevices devices) {
        this.throttle = throttle;
        this.audit = audit;
        this.templates = templates;
        this.devices = devices;
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
        String device = email == null ? null : devices.recognise(request, email).orElse(null);
        LoginThrottle.Verdict verdict = throttle.begin(email, request.getRemoteAddr(), device);
        if (verdict.allowed()) {
            request.setAttribute(SignInHandlers.DEVICE, device);
            chain.doFilter(request, response);
            return;
        }
        if (throttle.firstRefusal("sign-in " + AccountService.normalise(email) + " " + request.getRemoteAddr())) {
            audit.record(
                    AccountService.normalise(email),
                    "sign-in.throttled",
                    null,
                    "further refusals for this account from this address within the hour are not recorded");
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(verdict.seconds()));
        response.setContentType("text/html;charset=UTF-8");
        StringOutput out = new StringOutput();
        templates.render("account/login.jte", Map.of("page", new AccountPages.Login(email, tooMany(verdict))), out);
        response.getWriter().write(out.toString());
    }

    /** What a refused client is told: how long to wait, and the way round it. */
    static String tooMany(LoginThrottle.Verdict verdict) {
        long seconds = verdict.seconds();
        String wait =
                seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds") : (seconds + 59) / 60 + " minutes";
        return "Too many failed sign-ins for this account. Wait " + wait
                + " and try again, or reset your password. From a browser you have signed in with before, you are not held up.";
    }
}
