package app.almanac.bookmark;

import app.almanac.shared.SignedInUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A reader's bookmarks page, and the forms that add, annotate and remove bookmarks. */
@Controller
class BookmarkController {

    private final BookmarkService bookmarks;

    BookmarkController(BookmarkService bookmarks) {
        this.bookmarks = bookmarks;
    }

    @GetMapping("/bookmarks")
    ModelAndView list(@AuthenticationPrincipal SignedInUser user) {
        return page(user, null, HttpStatus.OK);
    }

    @PostMapping("/bookmarks")
    ModelAndView add(@AuthenticationPrincipal SignedInUser user, @RequestParam long article) {
        bookmarks.add(user.id(), article);
        return new ModelAndView("redirect:/bookmarks");
    }

    @PostMapping("/bookmarks/{id}/note")
    ModelAndView note(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note) {
        try {
            bookmarks.note(user.id(), id, note);
        } catch (IllegalArgumentException e) {
            return page(user, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/bookmarks");
    }

    @PostMapping("/bookmarks/{id}/delete")
    ModelAndView remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        bookmarks.remove(user.id(), id);
        return new ModelAndView("redirect:/bookmarks");
    }

    private ModelAndView page(SignedInUser user, String error, HttpStatus status) {
        ModelAndView mav =
                new ModelAndView("bookmark/list", Map.of("page", new BookmarksPage(bookmarks.list(user.id()), error)));
        mav.setStatus(status);
        return mav;
    }
}
