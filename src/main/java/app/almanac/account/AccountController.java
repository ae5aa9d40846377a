package app.almanac.account;

import static app.almanac.web.Pages.page;

import app.almanac.shared.NotFoundException;
import app.almanac.shared.SiteAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/** Sign-up, sign-in, the account page (password, API tokens) and password reset. */
@Controller
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final SiteAddress site;
    private final LoginThrottle throttle;
    private final KnownDevices devices;

    AccountController(
            AccountService accounts, ApiTokens tokens, SiteAddress site, LoginThrottle throttle, KnownDevices devices) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.site = site;
        this.throttle = throttle;
        this.devices = devices;
    }

    @GetMapping("/login")
    ModelAndView login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String disabled,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String welcome,
            @RequestParam(required = false) String reset) {
        String problem = error != null
                ? "That email address and password do not match an account."
                : disabled != null ? "This account has been disabled. Ask an admin." : null;
        String notice = welcome != null
                ? "Your account is ready. Sign in to start."
                : reset != null ? "Your password has been changed. Sign in with the new one." : null;
        return page("account/login", new AccountPages.Login(null, problem, notice));
    }

    @GetMapping("/signup")
    ModelAndView signUpForm() {
        return page("account/signup", new AccountPages.SignUp("", "", Map.of()));
    }

    @PostMapping("/signup")
    ModelAndView signUp(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password) {
        try {
            accounts.signUp(email, displayName, password);
            return new ModelAndView("redirect:/login?welcome");
        } catch (AccountException e) {
            return page(
                    "account/signup",
                    new AccountPages.SignUp(email, displayName, errors(e)),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/account")
    ModelAndView home(@AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String changed) {
        return home(user, null, Map.of(), changed != null ? "Your password has been changed." : null, HttpStatus.OK);
    }

    @PostMapping("/account/password")
    ModelAndView changePassword(
            @AuthenticationPrincipal AccountUser user,
            HttpServletRequest request,
            HttpSession session,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password) {
        // the current password is guessed through here as through the sign-in form: the same throttle
        String address = request.getRemoteAddr();
        String device = devices.recognise(request, user.getUsername()).orElse(null);
        LoginThrottle.Verdict verdict = throttle.begin(user.getUsername(), address, device);
        if (!verdict.allowed()) {
            return home(
                    user,
                    null,
                    Map.of("current", LoginThrottleFilter.tooMany(verdict)),
                    null,
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        try {
            accounts.changePassword(user.id(), current, password, session.getId());
            throttle.succeeded(user.getUsername(), address, device);
            return new ModelAndView("redirect:/account?changed");
        } catch (AccountException e) {
            if (!"current".equals(e.field())) {
                throttle.succeeded(user.getUsername(), address, device);
            }
            return home(user, null, errors(e), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/account/tokens")
    ModelAndView issueToken(
            @AuthenticationPrincipal AccountUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes) {
        try {
            return home(user, tokens.issue(user, name, scopes), Map.of(), null, HttpStatus.OK);
        } catch (AccountException e) {
            return home(user, null, errors(e), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    ModelAndView revokeToken(@AuthenticationPrincipal AccountUser user, @PathVariable long id) {
        if (!tokens.revoke(user, id)) {
            // someone else's token is, to this user, no token at all
            throw new NotFoundException("You have no active API token " + id + ".");
        }
        return new ModelAndView("redirect:/account");
    }

    @GetMapping("/password/forgot")
    ModelAndView forgotForm() {
        return page("account/forgot", new AccountPages.Forgot("", false));
    }

    @PostMapping("/password/forgot")
    ModelAndView forgot(@RequestParam(defaultValue = "") String email) {
        accounts.startReset(email).ifPresent(token -> {
            // from the configured address, never the request's Host: that one the requester chooses
            String link = site.absolute("/password/reset?token=" + token);
            // no mail server is configured: the operator hands the link over (or runs `almanac user reset-link`)
            log.warn(
                    "Password reset requested for {}: {} (valid for one hour; no mail server is configured)",
                    AccountService.normalise(email),
                    link);
        });
        return page("account/forgot", new AccountPages.Forgot(email, true));
    }

    @GetMapping("/password/reset")
    ModelAndView resetForm(@RequestParam(defaultValue = "") String token) {
        return page("account/reset", new AccountPages.Reset(token, Map.of()));
    }

    @PostMapping("/password/reset")
    ModelAndView reset(
            @RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password) {
        try {
            accounts.reset(token, password);
            return new ModelAndView("redirect:/login?reset");
        } catch (AccountException e) {
            return page("account/reset", new AccountPages.Reset(token, errors(e)), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Who a token (or session) acts as: the first call a script makes. */
    @GetMapping("/api/me")
    @ResponseBody
    ResponseEntity<Map<String, Object>> me(@AuthenticationPrincipal AccountUser user) {
        return ResponseEntity.ok(Map.of(
                "id",
                user.id(),
                "email",
                user.getUsername(),
                "name",
                user.displayName(),
                "role",
                user.role().name().toLowerCase(Locale.ROOT)));
    }

    private ModelAndView home(
            AccountUser user, ApiToken.Issued issued, Map<String, String> errors, String notice, HttpStatus status) {
        Account account =
                accounts.find(user.id()).orElseThrow(() -> new NotFoundException("That account no longer exists."));
        return page(
                "account/home",
                new AccountPages.Home(
                        account, tokens.list(user.id()), issued, errors, notice, account.role() != Role.LEARNER),
                status);
    }

    static Map<String, String> errors(AccountException e) {
        return Map.of(e.field() == null ? "form" : e.field(), e.getMessage());
    }
}
