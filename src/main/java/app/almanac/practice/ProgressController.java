package app.almanac.practice;

import static app.almanac.web.Pages.page;

import app.almanac.shared.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code /me/progress}: a signed-in learner's dashboard (only their own: there is no user in the URL). */
@Controller
class ProgressController {

    private final Progress progress;

    ProgressController(Progress progress) {
        this.progress = progress;
    }

    @GetMapping("/me/progress")
    ModelAndView progress(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String error) {
        String message = error == null || error.length() > 300 ? null : error;
        return page("practice/progress", progress.of(user.id(), message));
    }
}
