package app.almanac.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** What happens after a sign-in attempt: the throttle, the known devices and the audit log hear of it. */
final class SignInHandlers {

    /** The request attribute holding the known-device id the throttle counted the attempt under (or null). */
    static final String DEVICE = "almanac.sign-in.device";

    private SignInHandlers() {}

    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {
        private final LoginThrottle throttle;
        private final AuditLog audit;
        private final KnownDevices devices;

        Success(LoginThrottle throttle, AuditLog audit, KnownDevices devices) {
            this.throttle = throttle;
            this.audit = audit;
            this.devices = devices;
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication auth)
                throws IOException, ServletException {
            throttle.succeeded(auth.getName(), request.getRemoteAddr(), (String) request.getAttribute(DEVICE));
            if (auth.getPrincipal() instanceof AccountUser user) {
                devices.remember(request, response, user.id());
            }
            audit.record(auth.getName(), "sign-in", null, null);
            super.onAuthenticationSuccess(request, response, auth);
        }
    }

    static final class Failure implements AuthenticationFailureHandler {
        private final AuditLog audit;

        Failure(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String email = request.getParameter("username");
            // the throttle counted this attempt as a failure before the password was checked
            audit.record(
                    AccountService.normalise(email),
                    "sign-in.failed",
                    null,
                    e.getClass().getSimpleName());
            boolean disabled = e instanceof DisabledException;
            response.sendRedirect(request.getContextPath() + (disabled ? "/login?disabled" : "/login?error"));
        }
    }
}
