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

/** What happens after a sign-in attempt: the throttle and the audit log hear of it. */
final class SignInHandlers {

    private SignInHandlers() {}

    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {
        private final LoginThrottle throttle;
        private final AuditLog audit;

        Success(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication auth)
                throws IOException, ServletException {
            throttle.succeeded(auth.getName());
            audit.record(auth.getName(), "sign-in", null, null);
            super.onAuthenticationSuccess(request, response, auth);
        }
    }

    static final class Failure implements AuthenticationFailureHandler {
        private final LoginThrottle throttle;
        private final AuditLog audit;

        Failure(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String email = request.getParameter("username");
            throttle.failed(email, request.getRemoteAddr());
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
